"""The store behind an app: opened on first use (not in `create_app`), closed at shutdown."""

from __future__ import annotations

import threading

from fastapi import Request

from wirewatch.store import Store


class StoreHolder:
    """One `Store` per app. The schema is migrated once, on the first request, so a fresh
    database answers with empty lists instead of "no such table" errors."""

    def __init__(self, url: str) -> None:
        self.url = url
        self._store: Store | None = None
        self._lock = threading.Lock()

    def get(self) -> Store:
        with self._lock:
            if self._store is None:
                store = Store(self.url)
                store.migrate()
                self._store = store
            return self._store

    def close(self) -> None:
        with self._lock:
            if self._store is not None:
                self._store.close()
                self._store = None


def get_store(request: Request) -> Store:
    """FastAPI dependency: the app's store."""
    holder: StoreHolder = request.app.state.store
    return holder.get()
