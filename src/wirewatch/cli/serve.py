"""`wirewatch serve`: the REST API and the web UI on one local port."""

from __future__ import annotations

from typing import Annotated

import typer

from wirewatch.cli._app import app
from wirewatch.cli._state import STATE, err


@app.command("serve")
def serve_command(
    host: Annotated[
        str | None, typer.Option(help="Address to bind [env WIREWATCH_HOST; default 127.0.0.1].")
    ] = None,
    port: Annotated[
        int | None, typer.Option(min=1, max=65535, help="Port [env WIREWATCH_PORT; default 8000].")
    ] = None,
) -> None:
    """Serve the API (/api/v1, docs at /docs) and the web UI (/)."""
    import uvicorn  # imported here: other commands should not pay for the server

    from wirewatch.api import create_app

    settings = STATE.settings(host=host, port=port)
    mode = "read-write (POST /api/v1/documents needs the token)" if settings.token else "read-only"
    err.print(
        f"serving {settings.db} on http://{settings.host}:{settings.port}/ ({mode})",
        highlight=False,
    )
    uvicorn.run(create_app(settings), host=settings.host, port=settings.port, log_level="info")
