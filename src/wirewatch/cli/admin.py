"""`wirewatch schema`, `wirewatch eval`, settings, gazetteer and migrate."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from wirewatch.cli._app import app
from wirewatch.cli._state import STATE, CliError, err, out
from wirewatch.model import Analysis, Document

if TYPE_CHECKING:
    from wirewatch.analyze import Resources
    from wirewatch.batch.run import Analyser


@app.command()
def schema() -> None:
    """Print the JSON Schema of the Analysis contract."""
    sys.stdout.write(json.dumps(Analysis.model_json_schema(), indent=2) + "\n")


@app.command("eval")
def evaluate(
    gold: Annotated[
        Path,
        typer.Argument(
            help="Gold directory or file (spec §3 format); a "
            "directory with resolve/stories.json or "
            "resolve/entities.json also scores stories and "
            "entities on the corpus they name."
        ),
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable report.")] = False,
    floors: Annotated[
        Path | None, typer.Option(help="JSON of metric floors; exit 1 when any score falls below.")
    ] = None,
    section: Annotated[
        str | None,
        typer.Option(
            help="The floors file's section to check (e.g. dev, seed), when it has sections."
        ),
    ] = None,
    across: Annotated[
        bool,
        typer.Option(
            "--resolve/--no-resolve",
            help="Score stories and entities when the gold set has a resolution gold.",
        ),
    ] = True,
) -> None:
    """Analyse gold documents and score them against their annotations (spec §3); with a
    resolution gold, ingest its corpus into a temporary store, resolve it and score story
    clustering (B-cubed) and entity resolution (pairwise)."""
    from wirewatch.analyze import analyze_many, load_resources
    from wirewatch.eval import check_floors, load_floors, load_gold, load_resolve_gold, score

    if not gold.exists():
        raise CliError(f"gold path not found: {gold}")
    golds = load_gold(gold)
    limits = load_floors(floors, section) if floors is not None else None
    settings = STATE.settings()
    resources = load_resources(settings)
    analyses = analyze_many((g.to_document() for g in golds), resources)
    report = score(zip(golds, analyses, strict=True))
    resolve_gold = load_resolve_gold(gold) if across else None
    if resolve_gold is not None:
        from wirewatch.resolution_gold import CorpusFailed, score_resolve_gold

        try:
            scores = score_resolve_gold(resolve_gold, settings, _analyser(resources))
        except CorpusFailed as error:
            raise CliError(str(error)) from error
        report.stories, report.entities = scores.stories, scores.entities
    if as_json:
        sys.stdout.write(report.model_dump_json(indent=2) + "\n")
    else:
        out.print(report.to_table())
    if limits is not None:
        failures = check_floors(report, limits)
        for failure in failures:
            err.print(f"[red]below floor[/] {failure}", highlight=False)
        raise typer.Exit(1 if failures else 0)


def _analyser(resources: Resources) -> Analyser:
    """Analysis for the corpus ingest on the resources `eval` already loaded."""
    from wirewatch.analyze import analyze_many

    def run(batch: list[Document]) -> list[Analysis | Exception]:
        return list(analyze_many(batch, resources))

    return run


@app.command("settings")
def show_settings(as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Print every setting: its effective value, environment variable and help."""
    from rich.table import Table

    from wirewatch.settings import Settings

    settings = STATE.settings()
    values = settings.model_dump(mode="json")
    if as_json:
        out.print(json.dumps(values), markup=False, highlight=False)
        return
    table = Table(title="settings (defaults < config file < WIREWATCH_* env < flags)")
    for column in ("setting", "value", "environment", "help"):
        table.add_column(column, overflow="fold")
    for name, field in Settings.model_fields.items():
        shown = "***" if name == "token" and values[name] else values[name]
        table.add_row(name, str(shown), f"WIREWATCH_{name.upper()}", field.description or "")
    out.print(table)


gazetteer_app = typer.Typer(
    help="The offline gazetteer index used for geocoding.", no_args_is_help=True
)
app.add_typer(gazetteer_app, name="gazetteer")


@gazetteer_app.command("build")
def gazetteer_build(
    force: Annotated[
        bool, typer.Option(help="Rebuild even when an up-to-date index exists.")
    ] = False,
) -> None:
    """Build the gazetteer index under the data directory (done on first use otherwise)."""
    from wirewatch.geo import build_gazetteer

    settings = STATE.settings()
    report = build_gazetteer(settings.data_dir, force=force)
    verb = "built" if report.built else "up to date"
    err.print(
        f"gazetteer {verb}: {report.path} ({report.places:,} places, "
        f"{report.names:,} names, {report.size_bytes / 1e6:.0f} MB, "
        f"{report.seconds:.1f} s)",
        highlight=False,
    )


@app.command()
def migrate() -> None:
    """Create the database schema, or bring it to the newest migration."""
    from wirewatch.cli._app import open_store

    store = open_store()  # migrates
    err.print(f"database at revision {store.revision()}", highlight=False)
    store.close()
