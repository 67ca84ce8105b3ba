"""The `wirewatch` command line: a few lines per command over the library.

Exit codes: 0 all good, 1 some inputs rejected (or a score below its floor), 2 usage or
configuration error. Errors are one line on stderr; `--debug` shows the traceback.
"""

from __future__ import annotations

import sys

import typer

from wirewatch.cli import (  # noqa: F401  (they register commands)
    admin,
    duplicates,
    export,
    ingest,
    query,
    resolve,
    serve,
)
from wirewatch.cli._app import app
from wirewatch.cli._state import STATE, CliError, err


def main(argv: list[str] | None = None) -> int:
    try:
        result = app(args=argv, standalone_mode=False)
    except typer.Exit as done:
        return done.exit_code
    except typer.Abort:
        err.print("aborted")
        return 130
    except typer.TyperException as error:  # the parser's usage errors (bad option values)
        show = getattr(error, "show", None)
        if show is not None:
            show()
        else:
            err.print(f"error: {error}", highlight=False, markup=False)
        return 2
    except (CliError, FileNotFoundError, PermissionError, ValueError, OSError) as error:
        if STATE.debug:
            raise
        err.print(f"error: {error}", highlight=False, markup=False, style="red")
        return 2
    return result if isinstance(result, int) else 0


def run() -> None:
    sys.exit(main())


__all__ = ["app", "main", "run"]
