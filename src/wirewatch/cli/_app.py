"""The Typer application and its global options."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from wirewatch.cli._state import STATE, CliError
from wirewatch.store import Store

app = typer.Typer(
    name="wirewatch",
    help="Turn dated news reports into evidence-backed events, movements and claims.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def global_options(
    db: Annotated[
        str | None,
        typer.Option(
            help="SQLite path or SQLAlchemy URL (env WIREWATCH_DB, default wirewatch.db)."
        ),
    ] = None,
    config: Annotated[
        Path | None,
        typer.Option(help="TOML settings file (env WIREWATCH_CONFIG, default ./wirewatch.toml)."),
    ] = None,
    data_dir: Annotated[
        Path | None, typer.Option(help="Cache directory (gazetteer) (env WIREWATCH_DATA_DIR).")
    ] = None,
    debug: Annotated[bool, typer.Option(help="Show tracebacks on errors.")] = False,
) -> None:
    STATE.config = config
    STATE.flags = {"db": db, "data_dir": data_dir}
    STATE.debug = debug
    STATE._settings = None  # a fresh run (tests call main() many times in one process)


def open_store() -> Store:
    """The configured store, migrated to the current schema."""
    settings = STATE.settings()
    store = Store(settings.db)
    try:
        store.migrate()
    except Exception as error:
        raise CliError(f"cannot open database {settings.db!r}: {error}") from error
    return store
