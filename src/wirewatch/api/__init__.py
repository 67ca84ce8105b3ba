"""The REST API (`/api/v1`) and the static web UI, as one FastAPI application."""

from wirewatch.api._app import create_app

__all__ = ["create_app"]
