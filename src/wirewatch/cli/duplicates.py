"""`wirewatch duplicates` and `wirewatch changes`: every copy recorded, and what a later text
of a report changed (the figure a re-published story corrected)."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer
from rich.table import Table

from wirewatch.cli._app import app, open_store
from wirewatch.cli._filters import Cursor, Json, Limit
from wirewatch.cli._state import CliError, err, out


class Kind(StrEnum):
    exact = "exact"
    near = "near"
    version = "version"


@app.command()
def duplicates(
    kind: Annotated[
        Kind | None,
        typer.Option(help="Only this kind: exact, near, or version (another text, same id)."),
    ] = None,
    limit: Limit = 100,
    cursor: Cursor = None,
    as_json: Json = False,
) -> None:
    """Inputs recorded as copies of a stored document, each with where it came from."""
    store = open_store()
    try:
        page = store.duplicates(limit=limit, cursor=cursor, kind=kind.value if kind else None)
    finally:
        store.close()
    if as_json:
        for item in page.items:
            out.print(item.model_dump_json(), markup=False, highlight=False)
    else:
        table = Table(title="duplicates")
        for header in ("kind", "similarity", "copy of", "source", "outlet"):
            table.add_column(header, overflow="fold")
        for item in page.items:
            table.add_row(
                item.kind,
                f"{item.similarity:.2f}",
                item.duplicate_of,
                str(item.origin),
                item.outlet or "",
            )
        out.print(table)
    if page.next_cursor:
        err.print(f"more: --cursor {page.next_cursor}", highlight=False)


@app.command()
def changes(
    document_id: Annotated[
        str,
        typer.Argument(help="A stored document's id, or the id of a copy recorded against one."),
    ],
    as_json: Json = False,
) -> None:
    """What later texts of a report changed, word by word (near duplicates, new versions)."""
    store = open_store()
    try:
        found = store.versions(document_id)
    finally:
        store.close()
    if not found:
        raise CliError(
            f"no kept later text for {document_id!r} (exact copies keep none; "
            "see `wirewatch duplicates`)"
        )
    for version in found:
        if as_json:
            out.print(version.model_dump_json(), markup=False, highlight=False)
            continue
        copy = version.duplicate
        out.print(
            f"{copy.kind} {copy.document_id} ({copy.origin}, {copy.similarity:.2f}) "
            f"against {version.original_id}: {len(version.changes)} change(s)",
            markup=False,
            highlight=False,
        )
        for change in version.changes:
            out.print(
                f"  … {change.context_before} [-{change.before}-]{{+{change.after}+}} "
                f"{change.context_after} …",
                markup=False,
                highlight=False,
            )
