"""Resolution benchmark: time to add 1,000 analysed documents to a store of N (10k, 100k)
with `resolve.update`, against a full `resolve.rebuild` of the same store.

    .venv/bin/python benchmarks/resolve.py [--sizes 10000 100000] [--add 1000] [--db-dir DIR]
    .venv/bin/python benchmarks/resolve.py --corpus   # gold scores on examples/corpus
                                                      # (delete DIR/*-corpus.db to re-analyse)

Synthetic hand-built analyses (tests/resolve/synthetic.py): 10 reports a day, 1-3 events
each (5 types, 6 places), entity mentions with spelling variants, 40% with an asset movement.
The store grows as an archive does, with time: new documents are the newest days, so the
work of an update should depend on the day's density, not on the archive's size. Stores are
written with the store's own save path in transactions of 1,000 (no resolution), then
rebuilt once; the timed update is one call over the 1,000 new documents.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # for tests.resolve.synthetic

from tests.resolve.synthetic import reports

from wirewatch import resolve
from wirewatch.resolve import entitydb, storydb, trackdb
from wirewatch.resolve import tables as rt
from wirewatch.resolve.config import rules
from wirewatch.store import Store
from wirewatch.store.writes import save_analysis

ROOT = Path(__file__).resolve().parents[1]
ROTATE_DAYS = 60


def fill(store: Store, count: int, first: int = 0) -> list[str]:
    ids: list[str] = []
    for start in range(first, first + count, 1000):
        batch = reports(
            min(1000, first + count - start), seed=start, first=start, rotate_days=ROTATE_DAYS
        )
        with store.engine.begin() as connection:
            for report in batch:
                save_analysis(connection, report.analysis())
        ids += [r.id for r in batch]
    return ids


def timed_update(store: Store, ids: list[str]) -> dict[str, float]:
    """The three parts of `resolve.update`, each timed, in one transaction as update does."""
    config = rules()
    out: dict[str, float] = {}
    with store.engine.begin() as connection:
        for name, part, cfg in (
            ("entities", entitydb.update, config.entities),
            ("stories", storydb.update, config.stories),
            ("tracks", trackdb.update, config.tracks),
        ):
            started = time.perf_counter()
            part(connection, ids, cfg)
            out[name] = time.perf_counter() - started
    out["total"] = sum(out.values())
    return out


def corpus(db_dir: str) -> None:
    """Ingest and analyse examples/corpus, resolve it with one update over the analysed
    documents, check that a rebuild gives the same scores, and score against the gold (as
    `wirewatch eval tests/gold` does, on a store kept between runs)."""
    from wirewatch.batch import BatchAnalyser, run_ingest
    from wirewatch.eval import load_resolve_gold
    from wirewatch.resolution_gold import resolve_scores
    from wirewatch.settings import Settings

    gold = load_resolve_gold(ROOT / "tests" / "gold")
    assert gold is not None and gold.stories is not None and gold.entities is not None
    path = Path(db_dir) / "wirewatch-resolve-corpus.db"
    settings = Settings.load(None, db=str(path))
    with Store(str(path)) as store:
        store.migrate()
        if store.stats().analyses == 0:  # analysed once, scored as often as wanted
            summary = run_ingest(gold.corpora(), store, settings, analyser=BatchAnalyser(settings))
            print(f"ingest: {summary.analysed} analysed, {summary.analysis_failed} failed")
        with store.engine.begin() as connection:  # start from nothing resolved
            for table in reversed(rt.metadata.sorted_tables):
                connection.execute(table.delete())
        ids = [a.document.id for a in store.iter_analyses()]
        started = time.perf_counter()
        resolve.update(store, ids)
        print(f"update: {time.perf_counter() - started:.2f} s")
        scores = resolve_scores(store, gold)
        resolve.rebuild(store)
        same = resolve_scores(store, gold) == scores
        stories, entities = scores.stories, scores.entities
        assert stories is not None and entities is not None
        print(
            f"stories  B-cubed   P {stories.precision:.3f} R {stories.recall:.3f} "
            f"F1 {stories.f1:.3f} ({stories.items} items)"
        )
        print(
            f"entities pairwise  P {entities.precision:.3f} R {entities.recall:.3f} "
            f"F1 {entities.f1:.3f} ({entities.items} mentions)"
        )
        print(f"rebuild gives the same scores: {same}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--add", type=int, default=1000)
    parser.add_argument("--db-dir", default="/tmp")
    parser.add_argument("--corpus", action="store_true", help="score examples/corpus instead")
    args = parser.parse_args()
    if args.corpus:
        corpus(args.db_dir)
        return
    for size in args.sizes:
        path = Path(args.db_dir) / f"wirewatch-resolve-bench-{size}.db"
        for leftover in path.parent.glob(path.name + "*"):
            leftover.unlink()
        with Store(str(path)) as store:
            store.migrate()
            started = time.perf_counter()
            fill(store, size)
            loaded = time.perf_counter() - started
            started = time.perf_counter()
            counts = resolve.rebuild(store)
            rebuilt = time.perf_counter() - started
            new = fill(store, args.add, first=size)
            parts = timed_update(store, new)
            print(
                f"store {size:>7,} docs: load {loaded:6.1f} s, rebuild {rebuilt:6.1f} s "
                f"({counts.entities} entities, {counts.stories} stories, {counts.tracks} "
                f"tracks); update +{args.add:,} docs {parts['total']:5.2f} s "
                f"(entities {parts['entities']:.2f}, stories {parts['stories']:.2f}, "
                f"tracks {parts['tracks']:.2f})",
                flush=True,
            )


if __name__ == "__main__":
    main()
