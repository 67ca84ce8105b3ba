"""`create_app(settings)`: the API under `/api/v1`, OpenAPI at `/docs`, the UI at `/`.

Every response carries a strict Content-Security-Policy and its companions (`_guards`), and
no request body is read past the ingest limit (`_body.body_limit`). `/docs` is served from
the vendored Swagger UI, so it works offline.

Building the app does no I/O: the store opens on the first request and closes at shutdown.
No CORS middleware: the UI is served from the same origin, and other origins are refused by
the browser unless an operator puts a proxy in front on purpose.
"""

from __future__ import annotations

import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from wirewatch import __version__
from wirewatch.api import _docs, _errors, _ingest
from wirewatch.api._body import body_limit
from wirewatch.api._guards import BodyLimit, SecurityHeaders
from wirewatch.api._ingest import Analyser
from wirewatch.api._routes import router
from wirewatch.api._store import StoreHolder
from wirewatch.settings import Settings


def static_dir() -> str:
    return str(resources.files("wirewatch.web") / "static")


def _freeze_startup_objects() -> None:
    """Take what is alive now (modules, schemas, the app) out of the cyclic collector's view.
    A page of big items (tracks) allocates enough to set off a full collection every few
    requests, and each one walked all of these too: 50-90 ms pauses, the whole p95 of
    `/tracks`. Shutdown unfreezes them, so a process that builds many apps (tests) frees them."""
    gc.collect()
    gc.freeze()


def create_app(settings: Settings | None = None, *, analyser: Analyser | None = None) -> FastAPI:
    """The application. `analyser` replaces the batch analyser behind POST /documents."""
    settings = settings or Settings.load()
    holder = StoreHolder(settings.db)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        _freeze_startup_objects()
        try:
            yield
        finally:
            holder.close()
            gc.unfreeze()

    app = FastAPI(
        title="wirewatch",
        version=__version__,
        lifespan=lifespan,
        description="Evidence-backed events, movements, claims and places from dated news reports.",
        docs_url=None,
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.store = holder
    _errors.install(app)
    # Each add_middleware wraps what is there: SecurityHeaders, added last, is outermost, so
    # its headers go on every response the app sends, a 413 from BodyLimit's reads included.
    app.add_middleware(BodyLimit, limit=body_limit(settings))
    app.add_middleware(SecurityHeaders)
    app.include_router(router)
    _ingest.install(app, settings, analyser)
    _docs.install(app)
    # Last: the UI catches every path the API did not claim.
    app.mount("/", StaticFiles(directory=static_dir(), html=True), name="web")
    return app
