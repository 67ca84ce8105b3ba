"""The analysis function batches are handed to: resources load once per process.

A failure on one document must not lose the batch: on an exception the batch is re-run one
document at a time, and the failing document gets its exception in place of an Analysis.
"""

from __future__ import annotations

from functools import lru_cache

from wirewatch.analyze import Resources, analyze, analyze_many, load_resources
from wirewatch.model import Analysis, Document
from wirewatch.settings import Settings


@lru_cache(maxsize=4)
def _resources(settings_json: str) -> Resources:
    return load_resources(Settings.model_validate_json(settings_json))


class BatchAnalyser:
    """Picklable (it holds only settings), so worker processes can receive it."""

    def __init__(self, settings: Settings) -> None:
        self.settings_json = settings.model_dump_json()
        self.batch_size = settings.batch_size

    def __call__(self, batch: list[Document]) -> list[Analysis | Exception]:
        resources = _resources(self.settings_json)
        try:
            return list(analyze_many(batch, resources, batch_size=self.batch_size))
        except Exception:
            return [self._one(doc, resources) for doc in batch]

    @staticmethod
    def _one(document: Document, resources: Resources) -> Analysis | Exception:
        try:
            return analyze(document, resources)
        except Exception as error:  # reported per document, the batch goes on
            return RuntimeError(f"analysis of {document.id} failed: {error}")
