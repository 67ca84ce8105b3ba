"""Batch ingestion: the same `analyze()` over many documents, in one or several processes."""

from wirewatch.batch.analyser import AnalysisFailed, BatchAnalyser
from wirewatch.batch.run import ingest_documents, run_ingest
from wirewatch.batch.summary import IngestSummary

__all__ = ["AnalysisFailed", "BatchAnalyser", "IngestSummary", "ingest_documents", "run_ingest"]
