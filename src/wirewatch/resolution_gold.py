"""Resolution scored against its gold: ingest the corpus a resolution gold names into a
temporary store, resolve it, and score story clustering and entity resolution.

`wirewatch eval`, the resolve benchmark and the gold-floor tests all score through here.
It is a shell of its own, beside the package root, because it needs three layers none of
which may import another: `batch` (the ingest job), `resolve` (the update and the gold
labels a resolved store predicts) and `eval` (the gold files and the scores).
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from wirewatch import resolve
from wirewatch.batch import BatchAnalyser, run_ingest
from wirewatch.batch.run import Analyser
from wirewatch.eval import ResolveGold, ResolveScores, score_entities, score_stories
from wirewatch.resolve import goldlabels
from wirewatch.settings import Settings
from wirewatch.store import Store


class CorpusFailed(RuntimeError):
    """Documents of the gold's corpus failed analysis: the scores would not mean anything."""


def score_resolve_gold(
    gold: ResolveGold, settings: Settings, analyser: Analyser | None = None
) -> ResolveScores:
    """Ingest the resolution gold's corpus into a temporary store, resolve it and score it."""
    with corpus_store(gold, settings, analyser) as store:
        return resolve_scores(store, gold)


@contextmanager
def corpus_store(
    gold: ResolveGold, settings: Settings, analyser: Analyser | None = None
) -> Iterator[Store]:
    """A temporary SQLite store holding the resolution gold's corpus, ingested (`analyser`
    defaults to the batch analyser of `settings`) and resolved with one update over every
    analysed document; deleted on exit."""
    with tempfile.TemporaryDirectory(prefix="wirewatch-eval-") as tmp:
        path = Path(tmp) / "resolve-gold.db"
        local = settings.model_copy(update={"db": str(path), "workers": 1})
        with Store(str(path)) as store:
            store.migrate()
            summary = run_ingest(
                gold.corpora(), store, local, analyser=analyser or BatchAnalyser(local)
            )
            if summary.analysis_failed:
                raise CorpusFailed(
                    f"resolution gold corpus: {summary.analysis_failed} "
                    f"document(s) failed analysis: {summary.failures[:3]}"
                )
            resolve.update(store, [a.document.id for a in store.iter_analyses()])
            yield store


def resolve_scores(store: Store, gold: ResolveGold) -> ResolveScores:
    """Score a resolved store against a resolution gold: story clustering (B-cubed) and
    entity resolution (pairwise)."""
    scores = ResolveScores()
    with store.engine.connect() as connection:
        if gold.stories is not None:
            docs = goldlabels.document_ids(connection, gold.stories.locations())
            found = goldlabels.story_memberships(connection, docs.values())
            scores.stories = score_stories(
                gold.stories, {name: found.get(doc_id, []) for name, doc_id in docs.items()}
            )
        if gold.entities is not None:
            docs = goldlabels.document_ids(connection, gold.entities.locations())
            wanted = {
                (doc, name): (docs[doc], name)
                for group in gold.entities.groups
                for doc, name in group.mentions
                if doc in docs
            }
            entity_of = goldlabels.mention_entities(connection, wanted.values())
            scores.entities = score_entities(
                gold.entities,
                {
                    key: entity
                    for key, stored in wanted.items()
                    if (entity := entity_of.get(stored)) is not None
                },
            )
    return scores
