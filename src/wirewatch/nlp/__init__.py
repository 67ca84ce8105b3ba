"""Builds the spaCy pipeline wirewatch analyses with."""

from wirewatch.nlp.pipeline import ModelNotInstalled, build_pipeline

__all__ = ["ModelNotInstalled", "build_pipeline"]
