"""Security headers on every response, a UI page the policy does not break, and /docs
served from vendored files only."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from importlib.resources import files
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from wirewatch.api import create_app
from wirewatch.settings import Settings

WEB = Path(__file__).resolve().parents[2] / "web"


@pytest.fixture
def client(tmp_path) -> Iterator[TestClient]:
    """An app over an empty store: headers and pages need no data (and no second backend)."""
    with TestClient(create_app(Settings(db=f"sqlite:///{tmp_path / 'h.db'}"))) as test_client:
        yield test_client


def _directives(policy: str) -> dict[str, list[str]]:
    parts = [d.split() for d in policy.split(";") if d.strip()]
    return {d[0]: d[1:] for d in parts}


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/index.html",
        "/js/main.js",
        "/css/app.css",
        "/api/v1/events",
        "/api/v1/events?limit=0",
        "/api/v1/documents/doc_x",
        "/no/such/file",
        "/docs",
        "/openapi.json",
        "/api/v1/export?format=jsonl",
    ],
)
def test_every_response_carries_the_security_headers(client: TestClient, path: str) -> None:
    reply = client.get(path)
    policy = _directives(reply.headers["content-security-policy"])
    assert policy["default-src"] == ["'self'"] and policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"] and policy["frame-ancestors"] == ["'none'"]
    assert policy["object-src"] == ["'none'"] and set(policy["img-src"]) == {"'self'", "data:"}
    assert not any("unsafe" in source for sources in policy.values() for source in sources)
    assert reply.headers["x-content-type-options"] == "nosniff"
    assert reply.headers["referrer-policy"] == "no-referrer"


class _Page(HTMLParser):
    """What in a page the policy would refuse, and what it loads."""

    def __init__(self) -> None:
        super().__init__()
        self.inline: list[str] = []
        self.assets: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "style" or "style" in found or any(n.startswith("on") for n in found):
            self.inline.append(f"<{tag} {found}>")
        if tag == "script":
            self._in_script = "src" not in found
        if tag == "script" and found.get("src"):
            self.assets.append(str(found["src"]))
        if tag == "link" and found.get("rel") == "stylesheet":
            self.assets.append(str(found["href"]))

    def handle_data(self, data: str) -> None:
        if self._in_script and data.strip():
            self.inline.append(f"<script>{data.strip()[:40]}")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False


def _parse(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    return page


def test_ui_page_has_nothing_inline(client: TestClient) -> None:
    page = _parse(client.get("/").text)
    assert page.inline == [] and page.assets
    for asset in page.assets:
        assert client.get("/" + asset.lstrip("/")).status_code == 200, asset


def test_ui_scripts_write_no_style_attribute() -> None:
    """`style` attributes (markup or setAttribute) are refused by style-src 'self'; the
    CSSOM is not. The UI's own builder routes `style` to the CSSOM."""
    scripts = files("wirewatch.web").joinpath("static", "js")
    for script in scripts.iterdir():
        source = script.read_text("utf-8")
        assert not re.search(r"""style\s*=\s*["'`]""", source), script.name
        assert 'setAttribute("style"' not in source, script.name


def test_docs_use_only_vendored_same_origin_assets(client: TestClient) -> None:
    reply = client.get("/docs")
    assert reply.status_code == 200 and reply.headers["content-type"].startswith("text/html")
    page = _parse(reply.text)
    assert page.inline == []
    assert {
        "/vendor/swagger-ui/swagger-ui-bundle.js",
        "/vendor/swagger-ui/swagger-ui.css",
        "/js/docs.js",
    } <= set(page.assets)
    for asset in page.assets:
        assert asset.startswith("/") and not asset.startswith("//"), asset
        served = client.get(asset)
        assert served.status_code == 200 and served.content, asset
    assert "http:" not in reply.text and "https:" not in reply.text  # nothing off-site
    assert 'data-openapi-url="/openapi.json"' in reply.text
    assert client.get("/openapi.json").status_code == 200


def test_vendored_swagger_ui_is_the_pinned_one() -> None:
    """What vendor.sh copied (VERSIONS.txt, from the lock) is what package.json pins."""
    pinned = json.loads((WEB / "package.json").read_text("utf-8"))["dependencies"]
    versions = files("wirewatch.web").joinpath("static", "vendor", "VERSIONS.txt")
    copied = dict(line.split(" ", 1) for line in versions.read_text("utf-8").splitlines())
    version, integrity = copied["swagger-ui-dist"].split()
    assert version == pinned["swagger-ui-dist"] and integrity.startswith("sha512-")
