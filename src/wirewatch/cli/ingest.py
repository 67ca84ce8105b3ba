"""`wirewatch ingest` and `wirewatch analyze`."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterator
from typing import Annotated

import typer
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from wirewatch import resolve
from wirewatch.analyze import analyze_many, load_resources
from wirewatch.batch import BatchAnalyser, IngestSummary, run_ingest
from wirewatch.cli._app import app, open_store
from wirewatch.cli._state import STATE, err, out
from wirewatch.ingest import read_sources
from wirewatch.model import Document, Incoming, IngestResult, Reject

Paths = Annotated[list[str], typer.Argument(help="Files, directories, or - for stdin.")]
DateOpt = Annotated[
    dt.datetime | None,
    typer.Option(
        "--date", formats=["%Y-%m-%d"], help="Date for inputs that carry none (plain text, stdin)."
    ),
]


@app.command()
def ingest(
    paths: Paths,
    date: DateOpt = None,
    analyze: Annotated[
        bool, typer.Option(help="Analyse new documents (--no-analyze: store only).")
    ] = True,
    workers: Annotated[int | None, typer.Option(min=1, help="Analysis processes.")] = None,
) -> None:
    """Read inputs, skip duplicates, analyse new documents and store everything."""
    settings = STATE.settings(default_date=date.date() if date else None, workers=workers)
    store = open_store()
    analyser = BatchAnalyser(settings) if analyze else None
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.completed} docs"),
        TextColumn("{task.fields[rate]:.1f} docs/s"),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=err, transient=True) as progress:
        task = progress.add_task("ingesting", total=None, rate=0.0)

        def tick(result: IngestResult) -> None:
            elapsed = progress.tasks[0].elapsed or 1e-9
            progress.update(task, advance=1, rate=progress.tasks[0].completed / elapsed)
            if result.outcome == "rejected":
                # markup=False: a file name or message with [brackets] is text, not markup.
                err.print(
                    f"rejected {result.origin}: {result.reason}: {result.message}",
                    highlight=False,
                    markup=False,
                    style="yellow",
                )
            elif result.outcome == "stored" and result.message:
                err.print(
                    f"stored {result.origin}: {result.message}",
                    highlight=False,
                    markup=False,
                    style="yellow",
                )

        summary = run_ingest(
            paths,
            store,
            settings,
            analyser=analyser,
            on_result=tick,
            on_saved=lambda ids: resolve.update(store, ids),
        )
    store.close()
    _print_summary(summary)
    raise typer.Exit(summary.exit_code)


def _print_summary(summary: IngestSummary) -> None:
    table = Table(title="ingest summary")
    table.add_column("outcome")
    table.add_column("count", justify="right")
    table.add_row("stored", str(summary.stored))
    for kind in ("exact", "near", "version"):
        if summary.duplicates[kind]:
            table.add_row(f"duplicate: {kind}", str(summary.duplicates[kind]))
    if summary.again:
        table.add_row("already ingested", str(summary.again))
    if not summary.duplicate_count:
        table.add_row("duplicate", "0")
    for reason, count in sorted(summary.rejected.items()):
        table.add_row(f"rejected: {reason}", str(count))
    table.add_row("total inputs", str(summary.total))
    table.add_row("analysed", str(summary.analysed))
    if summary.resumed:
        table.add_row("resumed from earlier runs", str(summary.resumed))
    if summary.resumed_failed:
        table.add_row("resumed, failed again", str(summary.resumed_failed))
    if summary.resolved_again:
        table.add_row("stories/tracks caught up", str(summary.resolved_again))
    if summary.resolve_failed:
        table.add_row("stories/tracks failed", str(summary.resolve_failed))
    table.add_row("docs/s", f"{summary.docs_per_second:.1f}")
    out.print(table)
    for failure in summary.failures:
        err.print(f"failed {failure}", highlight=False, markup=False, style="red")


@app.command()
def analyze(paths: Paths, date: DateOpt = None) -> None:
    """Analyse inputs and print one Analysis JSON line each; stores nothing."""
    settings = STATE.settings(default_date=date.date() if date else None)
    resources = load_resources(settings)  # once for the whole run
    rejected = 0

    def documents() -> Iterator[Document]:
        nonlocal rejected
        for item in read_sources(
            paths, default_date=settings.default_date, max_chars=settings.max_chars
        ):
            if isinstance(item, Reject):
                rejected += 1
                err.print(
                    f"rejected {item.origin}: {item.reason}: {item.message}",
                    highlight=False,
                    markup=False,
                )
            elif isinstance(item, Incoming):
                yield item.document

    for analysis in analyze_many(documents(), resources, batch_size=settings.batch_size):
        sys.stdout.write(analysis.model_dump_json() + "\n")
    raise typer.Exit(1 if rejected else 0)
