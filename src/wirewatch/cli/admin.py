"""`wirewatch schema`, `wirewatch eval` (and the resolution-gold scoring it shares with
the resolve benchmark and tests), settings, gazetteer and migrate."""

from __future__ import annotations

import json
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from wirewatch.cli._app import app
from wirewatch.cli._state import STATE, CliError, err, out
from wirewatch.eval.resolve import ResolveGold, ResolveScores
from wirewatch.model import Analysis, Document

if TYPE_CHECKING:
    from wirewatch.analyze import Resources
    from wirewatch.batch.run import Analyser
    from wirewatch.settings import Settings
    from wirewatch.store import Store


@app.command()
def schema() -> None:
    """Print the JSON Schema of the Analysis contract."""
    sys.stdout.write(json.dumps(Analysis.model_json_schema(), indent=2) + "\n")


@app.command("eval")
def evaluate(
    gold: Annotated[Path, typer.Argument(help="Gold directory or file (spec §3 format); a "
                                         "directory with resolve/stories.json or "
                                         "resolve/entities.json also scores stories and "
                                         "entities on the corpus they name.")],
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable report.")] = False,
    floors: Annotated[Path | None, typer.Option(help="JSON of metric floors; exit 1 when "
                                                "any score falls below.")] = None,
    section: Annotated[str | None, typer.Option(help="The floors file's section to check "
                                                "(e.g. dev, seed), when it has sections.")]
    = None,
    across: Annotated[bool, typer.Option("--resolve/--no-resolve", help="Score stories and "
                                         "entities when the gold set has a resolution gold.")]
    = True,
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
        scores = score_resolve_gold(resolve_gold, settings, _analyser(resources))
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


def score_resolve_gold(gold: ResolveGold, settings: Settings,
                       analyser: Analyser | None = None) -> ResolveScores:
    """Ingest the resolution gold's corpus into a temporary store, resolve it and score it."""
    with corpus_store(gold, settings, analyser) as store:
        return resolve_scores(store, gold)


@contextmanager
def corpus_store(gold: ResolveGold, settings: Settings,
                 analyser: Analyser | None = None) -> Iterator[Store]:
    """A temporary SQLite store holding the resolution gold's corpus, ingested (`analyser`
    defaults to the batch analyser of `settings`) and resolved with one update over every
    analysed document; deleted on exit."""
    from wirewatch import resolve
    from wirewatch.batch import BatchAnalyser, run_ingest
    from wirewatch.store import Store

    with tempfile.TemporaryDirectory(prefix="wirewatch-eval-") as tmp:
        path = Path(tmp) / "resolve-gold.db"
        local = settings.model_copy(update={"db": str(path), "workers": 1})
        with Store(str(path)) as store:
            store.migrate()
            summary = run_ingest(gold.corpora(), store, local,
                                 analyser=analyser or BatchAnalyser(local))
            if summary.analysis_failed:
                raise CliError(f"resolution gold corpus: {summary.analysis_failed} document(s) "
                               f"failed analysis: {summary.failures[:3]}")
            resolve.update(store, [a.document.id for a in store.iter_analyses()])
            yield store


def resolve_scores(store: Store, gold: ResolveGold) -> ResolveScores:
    """Score a resolved store against a resolution gold: story clustering (B-cubed) and
    entity resolution (pairwise). The benchmark and the tests score through this too."""
    from wirewatch.eval import score_entities, score_stories
    from wirewatch.resolve import goldlabels

    scores = ResolveScores()
    with store.engine.connect() as connection:
        if gold.stories is not None:
            docs = goldlabels.document_ids(connection, gold.stories.locations())
            found = goldlabels.story_memberships(connection, docs.values())
            scores.stories = score_stories(gold.stories, {name: found.get(doc_id, [])
                                                          for name, doc_id in docs.items()})
        if gold.entities is not None:
            docs = goldlabels.document_ids(connection, gold.entities.locations())
            wanted = {(doc, name): (docs[doc], name) for group in gold.entities.groups
                      for doc, name in group.mentions if doc in docs}
            entity_of = goldlabels.mention_entities(connection, wanted.values())
            scores.entities = score_entities(gold.entities, {
                key: entity for key, stored in wanted.items()
                if (entity := entity_of.get(stored)) is not None})
    return scores


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
