"""The analysis function batches are handed to: resources load once per process.

A failure on one document must not lose the batch: on an exception the batch is re-run one
document at a time, and the failing document gets an `AnalysisFailed` in place of an Analysis.
"""

from __future__ import annotations

from functools import lru_cache

from wirewatch.analyze import Resources, analyze, analyze_many, load_resources
from wirewatch.model import Analysis, Document
from wirewatch.settings import Settings


class AnalysisFailed(Exception):
    """One document's analysis raised; `reason` is one line (`analysis_failed: KeyError: ..`)."""

    def __init__(self, document_id: str, reason: str) -> None:
        super().__init__(f"{document_id}: {reason}")
        self.document_id = document_id
        self.reason = reason

    def __reduce__(self) -> tuple[type, tuple[str, str]]:  # crosses process boundaries
        return (AnalysisFailed, (self.document_id, self.reason))


def failure(
    document_id: str, error: BaseException, step: str = "analysis_failed"
) -> AnalysisFailed:
    message = " ".join(str(error).split())[:400]
    return AnalysisFailed(document_id, f"{step}: {type(error).__name__}: {message}".rstrip(": "))


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
            return failure(document.id, error)
