"""Batch ingestion: the same `analyze()` over many documents, in one or several processes."""

from wirewatch.batch.analyser import BatchAnalyser
from wirewatch.batch.run import run_ingest
from wirewatch.batch.summary import IngestSummary

__all__ = ["BatchAnalyser", "IngestSummary", "run_ingest"]
