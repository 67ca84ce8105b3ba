"""Hostile query and path values on every listing, on both backends: a 4xx with a one-line
`detail`, never a 500. PostgreSQL refuses NUL in text outright, so a value SQLite lets
through (and matches nothing) is a database error there unless the API refuses it first.
"""

from __future__ import annotations

import base64
import json

import pytest
from fastapi.testclient import TestClient
from pydantic import ValidationError

from wirewatch.model import Filters
from wirewatch.store import cursor as keyset

LISTINGS = [
    "documents",
    "events",
    "movements",
    "claims",
    "places",
    "tracks",
    "stories",
    "entities",
    "search",
    "export",
]
TEXT_PARAMS = [
    "outlet",
    "actor",
    "asset",
    "q",
    "text",
    "country",
    "name",
    "kind",
    "type",
    "since",
    "until",
    "bbox",
    "cursor",
    "limit",
    "min_sources",
    "format",
]
# Needed by a route so that the hostile value is what gets refused, not a missing parameter.
REQUIRED = {"search": {"q": "Caracas"}, "export": {"format": "jsonl"}}


def _cursor(value: object) -> str:
    raw = value.encode() if isinstance(value, str) else json.dumps(value).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


# Always a client error: each is refused with a 400 whatever the route.
MALFORMED: list[tuple[str, str]] = [
    *[(name, "a\x00b") for name in TEXT_PARAMS],
    *[(name, "x" * 9_000) for name in ("outlet", "actor", "q", "cursor", "name")],
    ("cursor", _cursor("[" * 6_000)),  # nested past the JSON decoder's stack, still short
    ("cursor", _cursor("[" * 40_000)),  # refused for its length before decoding
    ("cursor", "%%%"),
    ("cursor", "not-a-cursor"),
    ("cursor", "é"),
    *[
        ("cursor", _cursor(key))
        for key in (
            {"a": 1},
            [[1], [2]],
            [1.5, "a"],
            [None, None],
            [True, "x"],
            ["a\x00b", "x"],
            ["\ud800", "x"],
            [10**30, "x"],
            ["2019-01-01", {"a": 1}],
            ["2019-01-01", "x", 3],
            ["2019-01-01", ["x"]],
            [1] * 50,
        )
    ],
    ("cursor", _cursor("[1" + "0" * 5_000 + ", 1]")),  # an int too long to parse
    ("since", "2019-02-30"),
    ("until", "yesterday"),
    ("since", "-1"),
    ("until", "99999-01-01"),
    ("bbox", "nan,nan,nan,nan"),
    ("bbox", "inf,0,0,0"),
    ("bbox", "1e400,0,0,0"),
    ("bbox", ",,,"),
    ("bbox", "0,0,0,0,0"),
    ("limit", "0"),
    ("limit", "-1"),
    ("limit", "1001"),
    ("limit", "1e3"),
    ("limit", "99999999999999999999999"),
    ("limit", "NaN"),
    ("type", "NOPE"),
    ("country", "Россия"),
]
# Odd but not wrong (the route may use or ignore them): anything but a 500.
ODD: list[tuple[str, str]] = [
    ("since", "0001-01-01"),
    ("until", "9999-12-31"),
    ("since", "9999-12-31"),
    ("outlet", "x" * 5_000),
    ("q", '"unbalanced'),
    ("q", "-"),
    ("q", "* OR AND NOT ("),
    ("actor", "%_\\"),
    ("outlet", "'; DROP TABLE documents; --"),
    ("name", "\ufffd"),
    ("limit", ""),
    ("type", ",,,"),
    ("bbox", "-180,-90,180,90"),
]


def _get(client: TestClient, path: str, params: dict[str, str]):
    return client.get(f"/api/v1/{path}", params={**REQUIRED.get(path, {}), **params})


def _refused_everywhere(value: str) -> bool:
    """NUL and over-long values are refused in any parameter, even one the route ignores."""
    return "\x00" in value or len(value) > 8_192


@pytest.mark.parametrize("listing", LISTINGS)
def test_hostile_values_are_client_errors(resolved: TestClient, listing: str) -> None:
    spec = resolved.get("/openapi.json").json()["paths"][f"/api/v1/{listing}"]["get"]
    accepted = {p["name"] for p in spec["parameters"]}
    wrong: list[str] = []
    for name, value in MALFORMED + ODD:
        reply = _get(resolved, listing, {name: value})
        malformed = (name, value) in MALFORMED and (name in accepted or _refused_everywhere(value))
        if reply.status_code >= 500 or (malformed and reply.status_code != 400):
            wrong.append(f"{name}={value[:30]!r}: {reply.status_code} {reply.text[:120]}")
        elif reply.status_code >= 400 and (set(reply.json()) != {"detail"} or "\n" in reply.text):
            wrong.append(f"{name}={value[:30]!r}: not a one-line {{detail}}: {reply.text}")
    assert not wrong, f"{listing}: " + "\n".join(wrong)


PATHS = [
    "documents/{}",
    "tracks/{}",
    "stories/{}",
    "entities/{}",
    "events/{}/evt_x/story",
    "events/doc_x/{}/story",
]


@pytest.mark.parametrize("template", PATHS)
def test_hostile_path_values_are_client_errors(resolved: TestClient, template: str) -> None:
    for value, status in [
        ("a%00b", 400),
        ("%00", 400),
        ("x" * 9_000, 400),
        ("%ED%A0%80", 404),
        ("..%2F..%2Fetc", 404),
        ("%25", 404),
    ]:
        reply = resolved.get("/api/v1/" + template.format(value))
        assert reply.status_code == status, (value[:20], reply.text[:200])
        assert set(reply.json()) == {"detail"}


def test_filters_refuse_what_no_database_can_bind() -> None:
    """The model itself (CLI and API alike) refuses NUL and lone surrogates in any text."""
    for field in ("outlet", "actor", "asset_model", "text", "country"):
        for value in ("a\x00b", "a\ud800b", "\udfff"):
            with pytest.raises(ValidationError, match=field):
                Filters(**{field: value})
    assert Filters(outlet="Le Monde", actor="Россия").outlet == "Le Monde"


@pytest.mark.parametrize(
    "cursor",
    [
        _cursor("[" * 6_000),
        _cursor([["x"], 1]),
        _cursor(["\ud800", 1]),
        _cursor([2**63, 1]),
        _cursor([False, 1]),
        "x" * 10_000,
    ],
)
def test_cursor_decoding_refuses_anything_not_a_key(cursor: str) -> None:
    with pytest.raises(ValueError, match="cursor"):
        keyset.decode(cursor, 2)


def test_a_real_cursor_still_decodes() -> None:
    assert keyset.decode(keyset.encode(["2019-03-25", "doc_1", 7]), 3) == ["2019-03-25", "doc_1", 7]
