"""The UI and /docs under the app's Content-Security-Policy, in Chromium: nothing they do is
refused, what the policy forbids is refused, and a report's URL only becomes a link when it
is http(s)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.api import seed
from tests.web.conftest import open_page, serve
from wirewatch.model import Analysis

pytestmark = pytest.mark.browser

# Runs before the page's scripts: every violation the browser reports is kept for the test.
LISTEN = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => window.cspViolations.push(
  `${e.violatedDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber}`));
"""
# The seed's reports by event type: their titles, and the URL each is given here.
REPORTS = {
    "MOBILIZE": ("An-124 lands in Caracas", "https://example.org/a"),
    "ACCUSE": ("An-124 leaves", "javascript:alert(document.domain)"),
    "PROTEST": ("Paris protest", "data:text/html,<script>alert(1)</script>"),
}
# The browser's own URL parser decides: only absolute http(s) URLs are links.
WEB_URL_CASES = {
    "https://example.org/a?b=1#c": "https://example.org/a?b=1#c",
    "HTTP://EXAMPLE.ORG": "http://example.org/",
    "javascript:alert(1)": None,
    " JavaScript:alert(1)": None,
    "java\tscript:alert(1)": None,
    "data:text/html,x": None,
    "vbscript:x": None,
    "file:///etc/passwd": None,
    "/api/v1/stats": None,
    "//elsewhere.example/x": None,
    "example.org": None,
    "": None,
}


def _violations(tab) -> list[str]:
    return tab.evaluate("() => window.cspViolations")


def test_ui_works_under_the_policy_without_a_violation(browser, server: str) -> None:
    with open_page(browser, server, init_script=LISTEN) as tab:
        header = tab.evaluate(
            "async () => (await fetch('/')).headers.get('content-security-policy')"
        )
        assert header and "default-src 'self'" in header and "unsafe-inline" not in header
        # What styles or builds markup: swatches (facets, legend, lists, detail), track
        # arrows on the map, the detail panel with its evidence.
        assert tab.locator("#types .swatch").count() > 0
        assert tab.locator(".track-arrow svg g[transform]").count() >= 1
        tab.locator("#events-list button.item").first.click()
        tab.locator("#detail mark.evidence").first.wait_for()
        assert tab.locator("#detail h2 .swatch").evaluate("n => n.style.background") != ""
        tab.click("#tab-tracks")
        tab.locator("#tracks-list button.item").first.click()
        tab.locator("#detail ol.legs").wait_for()
        assert _violations(tab) == []


def test_the_policy_refuses_an_injected_inline_script(browser, server: str) -> None:
    """The check above can fail: under the policy an inline script does not run, and the
    browser reports it as a violation (without the header it runs and nothing is reported)."""
    context = browser.new_context()
    try:
        tab = context.new_page()
        tab.add_init_script(LISTEN)
        tab.goto(server + "/")
        tab.wait_for_selector("body[data-ready='true']", timeout=30_000)
        ran = tab.evaluate("""() => { const s = document.createElement('script');
          s.textContent = 'window.injected = true'; document.head.append(s);
          return window.injected === true; }""")
        assert ran is False
        tab.wait_for_function("() => window.cspViolations.length > 0")
        assert "script-src" in _violations(tab)[0]
    finally:
        context.close()


def test_docs_render_offline_under_the_policy(browser, server: str) -> None:
    context = browser.new_context()
    outside: list[str] = []
    errors: list[str] = []
    try:
        tab = context.new_page()
        tab.add_init_script(LISTEN)
        tab.on("pageerror", lambda error: errors.append(str(error)))

        def guard(route) -> None:
            if route.request.url.startswith(server):
                route.continue_()
            else:
                outside.append(route.request.url)
                route.abort()

        tab.route("**/*", guard)
        tab.goto(server + "/docs")
        tab.locator(".swagger-ui .opblock-summary-path", has_text="/api/v1/events").first.wait_for(
            timeout=30_000
        )
        assert _violations(tab) == []
    finally:
        context.close()
    assert not outside, f"/docs asked for outside resources: {outside}"
    assert not errors, f"errors in /docs: {errors}"


def _with_urls(items: list[Analysis]) -> list[Analysis]:
    """The seed's reports with the URLs of REPORTS (each has one event of its type)."""
    out = []
    for analysis in items:
        _title, url = REPORTS[analysis.events[0].event]
        document = analysis.document.model_copy(update={"url": url})
        out.append(analysis.model_copy(update={"document": document}))
    return out


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from wirewatch.store import Store

    db = f"sqlite:///{tmp_path_factory.mktemp('xss') / 'hostile.db'}"
    store = Store(db)
    store.migrate()
    seed.fill(store, _with_urls(seed.analyses()))
    store.close()
    with serve(db) as base:
        yield base


def test_only_http_urls_become_links(browser, hostile_server: str) -> None:
    with open_page(browser, hostile_server, init_script=LISTEN) as tab:
        links: dict[str, list[str]] = {}
        for kind, (title, url) in REPORTS.items():
            tab.click(f"#events-list button.item[data-type='{kind}']")
            source = tab.locator("#detail p.source", has_text=title)
            source.wait_for()
            links[kind] = source.locator("a").evaluate_all("nodes => nodes.map(n => n.href)")
            if not url.startswith("https:"):
                assert url in source.inner_text()  # still shown, as text
        assert links == {"MOBILIZE": ["https://example.org/a"], "ACCUSE": [], "PROTEST": []}
        assert tab.locator("a[href^='javascript:' i], a[href^='data:' i]").count() == 0
        verdicts = tab.evaluate(
            """async (cases) => { const { webURL } = await import('/js/dom.js');
          return Object.fromEntries(cases.map((c) => [c, webURL(c)])); }""",
            list(WEB_URL_CASES),
        )
        assert verdicts == WEB_URL_CASES
        assert _violations(tab) == []
