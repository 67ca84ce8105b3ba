"""`wirewatch schema` and `wirewatch eval`."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from wirewatch.cli._app import app
from wirewatch.cli._state import STATE, CliError, err, out
from wirewatch.model import Analysis


@app.command()
def schema() -> None:
    """Print the JSON Schema of the Analysis contract."""
    sys.stdout.write(json.dumps(Analysis.model_json_schema(), indent=2) + "\n")


@app.command("eval")
def evaluate(
    gold: Annotated[Path, typer.Argument(help="Gold directory or file (spec §3 format).")],
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable report.")] = False,
    floors: Annotated[Path | None, typer.Option(help="JSON of metric floors; exit 1 when "
                                                "any score falls below.")] = None,
) -> None:
    """Analyse gold documents and score them against their annotations (spec §3)."""
    from wirewatch.analyze import analyze_many, load_resources
    from wirewatch.eval import check_floors, load_floors, load_gold, score

    if not gold.exists():
        raise CliError(f"gold path not found: {gold}")
    golds = load_gold(gold)
    settings = STATE.settings()
    analyses = analyze_many((g.to_document() for g in golds), load_resources(settings))
    report = score(zip(golds, analyses, strict=True))
    if as_json:
        sys.stdout.write(report.model_dump_json(indent=2) + "\n")
    else:
        out.print(report.to_table())
    if floors is not None:
        failures = check_floors(report, load_floors(floors))
        for failure in failures:
            err.print(f"[red]below floor[/] {failure}", highlight=False)
        raise typer.Exit(1 if failures else 0)


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


gazetteer_app = typer.Typer(help="The offline gazetteer index used for geocoding.",
                            no_args_is_help=True)
app.add_typer(gazetteer_app, name="gazetteer")


@gazetteer_app.command("build")
def gazetteer_build(
    force: Annotated[bool, typer.Option(help="Rebuild even when an up-to-date index exists.")]
    = False,
) -> None:
    """Build the gazetteer index under the data directory (done on first use otherwise)."""
    from wirewatch.geo import build_gazetteer

    settings = STATE.settings()
    report = build_gazetteer(settings.data_dir, force=force)
    verb = "built" if report.built else "up to date"
    err.print(f"gazetteer {verb}: {report.path} ({report.places:,} places, "
              f"{report.names:,} names, {report.size_bytes / 1e6:.0f} MB, "
              f"{report.seconds:.1f} s)", highlight=False)


@app.command()
def migrate() -> None:
    """Create the database schema, or bring it to the newest migration."""
    from wirewatch.cli._app import open_store

    store = open_store()  # migrates
    err.print(f"database at revision {store.revision()}", highlight=False)
    store.close()
