"""A live server over the example corpus, and a headless Chromium (the system one) to drive it.

The store is built once per session: the bundled examples are ingested with the real batch
pipeline (spaCy, gazetteer), so the UI is tested on what `wirewatch ingest` produces.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"
EXTRA = Path(__file__).resolve().parent / "data"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def corpus_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    if not CORPUS.is_dir():
        pytest.skip(f"example corpus not found at {CORPUS}")
    from wirewatch.batch import BatchAnalyser, run_ingest
    from wirewatch.settings import Settings
    from wirewatch.store import Store

    path = tmp_path_factory.mktemp("ui") / "corpus.db"
    settings = Settings(db=str(path))
    store = Store(settings.db)
    store.migrate()
    # One report of our own beside the corpus: a sighting of An-124 RA-82038 at Bamako on a
    # day the corpus has it at Khmeimim, so the track view has resolve's flags to show.
    summary = run_ingest([CORPUS, EXTRA], store, settings, analyser=BatchAnalyser(settings))
    assert summary.analysed > 0, summary
    try:
        from wirewatch.resolve import rebuild
    except ImportError:  # stories stay empty; the story test skips
        pass
    else:
        rebuild(store)
    store.close()
    return str(path)


@contextlib.contextmanager
def serve(db: str) -> Iterator[str]:
    """A uvicorn server over `db` in a thread, for as long as the block runs; its base URL."""
    import uvicorn

    from wirewatch.api import create_app
    from wirewatch.settings import Settings

    port = _free_port()
    config = uvicorn.Config(
        create_app(Settings(db=db)), host="127.0.0.1", port=port, log_level="warning"
    )
    runner = uvicorn.Server(config)
    thread = threading.Thread(target=runner.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not runner.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        runner.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def server(corpus_db: str) -> Iterator[str]:
    with serve(corpus_db) as base:
        yield base


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is absent: install Debian's chromium to run the UI tests")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@contextlib.contextmanager
def open_page(browser, server: str, init_script: str | None = None) -> Iterator[object]:
    """A tab on `server`'s UI, loaded and ready (`init_script` runs before the page's own
    scripts); afterwards, fails the test if the page reported an error or asked for
    anything off the server."""
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    tab = context.new_page()
    if init_script:
        tab.add_init_script(init_script)
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))

    def console(message) -> None:
        # An event in no story is a 404 by design; the UI then falls back to its own match.
        expected = message.location.get("url", "").endswith("/story")
        if message.type == "error" and not expected:
            errors.append(f"{message.text} ({message.location.get('url')})")

    tab.on("console", console)
    # Offline by construction: any request off this server fails the test.
    outside: list[str] = []

    def guard(route) -> None:
        if route.request.url.startswith(server):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    tab.route("**/*", guard)
    try:
        tab.goto(server + "/")
        tab.wait_for_selector("body[data-ready='true']", timeout=30_000)
        yield tab
    finally:
        context.close()
    assert not outside, f"the UI asked for outside resources: {outside}"
    assert not errors, f"errors in the page: {errors}"


@pytest.fixture
def page(browser, server: str) -> Iterator[object]:
    with open_page(browser, server) as tab:
        yield tab


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
