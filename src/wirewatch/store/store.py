"""`Store`: the one interface to the database, the same on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Generator, Iterable, Iterator
from contextlib import contextmanager
from types import TracebackType

from sqlalchemy import Connection, Engine

from wirewatch.model import (
    Analysis,
    Document,
    Filters,
    Fingerprint,
    IngestResult,
    Origin,
    Reject,
)
from wirewatch.store import dedup, listings, migrate, queries, search, state, stats, writes
from wirewatch.store.engine import WRITE, database_url, make_engine
from wirewatch.store.records import (
    ClaimRecord,
    DuplicateRecord,
    EventRecord,
    MovementRecord,
    Page,
    PlaceRecord,
    SearchHit,
    StoreStats,
    Versions,
)


class Store:
    """A database of documents and analyses. `Store("news.db")` is a SQLite file; any
    SQLAlchemy URL works. Nothing connects until the first call; `migrate()` makes the schema.
    """

    def __init__(self, url_or_path: str) -> None:
        self.url = database_url(url_or_path)
        self._engine: Engine | None = None
        self._checked = False

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            self._engine = make_engine(self.url)
        return self._engine

    def migrate(self) -> None:
        """Bring the schema to the newest migration (creates it in an empty database)."""
        migrate.upgrade(self.engine)
        self._checked = True

    def _ready(self) -> Engine:
        """The engine, once the schema is known to be the one this code expects."""
        if not self._checked:
            found, wanted = self.revision(), migrate.head_revision(self.engine)
            if found != wanted:
                state = (
                    "has no wirewatch schema"
                    if found is None
                    else (f"has schema revision {found}, this wirewatch expects {wanted}")
                )
                raise RuntimeError(
                    f"database {self.engine.url!r} {state}: "
                    "run `Store.migrate()` (or `wirewatch migrate`) first"
                )
            self._checked = True
        return self.engine

    def revision(self) -> str | None:
        """The schema's migration revision; None before `migrate()`."""
        return migrate.current_revision(self.engine)

    def refresh_statistics(self) -> None:
        """Let the query planner see the data as it now is (run after a bulk ingest): without
        statistics SQLite picks the country index for filtered event pages and scans."""
        with self.writing() as connection:
            connection.exec_driver_sql("ANALYZE")

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    @contextmanager
    def writing(self) -> Iterator[Connection]:
        """A connection in a write transaction, committed on success (on SQLite it holds the
        write lock from its first statement, so read-then-write steps cannot interleave)."""
        with self._ready().connect() as connection:
            connection.execution_options(**{WRITE: True})
            with connection.begin():
                yield connection

    # Writes: each call is one transaction.
    def find_duplicate(self, fp: Fingerprint, threshold: float) -> tuple[str, float] | None:
        with self._ready().connect() as connection:
            return dedup.find_duplicate(connection, fp, threshold)

    def add_document(
        self,
        doc: Document,
        fp: Fingerprint,
        origin: Origin,
        threshold: float = 0.9,
        replaced: int = 0,
    ) -> IngestResult:
        """Store `doc` (state pending) or record it as a duplicate; `replaced` counts the
        bytes its decoding replaced."""
        with self.writing() as connection:
            return writes.add_document(connection, doc, fp, origin, threshold, replaced)

    def add_documents(
        self, items: Iterable[tuple[Document, Fingerprint, Origin]], threshold: float = 0.9
    ) -> list[IngestResult]:
        """`add_document` for many inputs in one transaction (one commit, not one each);
        a later item is checked against earlier ones of the same batch too."""
        with self.writing() as connection:
            return [
                writes.add_document(connection, doc, fp, origin, threshold)
                for doc, fp, origin in items
            ]

    def save_analysis(self, analysis: Analysis) -> None:
        with self.writing() as connection:
            writes.save_analysis(connection, analysis)

    def save_analyses(self, analyses: Iterable[Analysis]) -> int:
        """`save_analysis` for many in one transaction; all or none are saved."""
        with self.writing() as connection:
            count = 0
            for analysis in analyses:
                writes.save_analysis(connection, analysis)
                count += 1
            return count

    def mark_failed(self, document_id: str, reason: str) -> None:
        """The document's analysis (or its saving) failed: kept, with the reason, and retried
        by the next ingest."""
        with self.writing() as connection:
            state.mark_failed(connection, document_id, reason)

    def unfinished_documents(self) -> Iterator[list[Document | tuple[str, str]]]:
        """Pages of documents still to analyse (pending, or failed before), oldest first;
        a stored row the model refuses comes as (id, reason)."""
        after = 0
        while True:
            with self._ready().connect() as connection:
                page, after = state.documents_page(connection, (state.PENDING, state.FAILED), after)
            if not page:
                return
            yield page

    def unresolved_ids(self) -> Iterator[list[str]]:
        """Pages of ids of documents analysed but not yet folded into stories and tracks."""
        after = 0
        while True:
            with self._ready().connect() as connection:
                page, after = state.ids_page(connection, (state.ANALYSED,), after)
            if not page:
                return
            yield page

    def add_reject(self, reject: Reject) -> None:
        with self.writing() as connection:
            writes.add_reject(connection, reject)

    # Reads.
    def get_document(self, doc_id: str) -> Document | None:
        with self._ready().connect() as connection:
            return queries.get_document(connection, doc_id)

    def get_analysis(self, doc_id: str) -> Analysis | None:
        with self._ready().connect() as connection:
            return queries.get_analysis(connection, doc_id)

    def documents(
        self, filters: Filters | None = None, limit: int = 100, cursor: str | None = None
    ) -> Page[Document]:
        with self._ready().connect() as connection:
            return queries.documents_page(connection, filters or Filters(), limit, cursor)

    def events(
        self, filters: Filters | None = None, limit: int = 100, cursor: str | None = None
    ) -> Page[EventRecord]:
        with self._ready().connect() as connection:
            return listings.events_page(connection, filters or Filters(), limit, cursor)

    def movements(
        self, filters: Filters | None = None, limit: int = 100, cursor: str | None = None
    ) -> Page[MovementRecord]:
        with self._ready().connect() as connection:
            return listings.movements_page(connection, filters or Filters(), limit, cursor)

    def claims(
        self, filters: Filters | None = None, limit: int = 100, cursor: str | None = None
    ) -> Page[ClaimRecord]:
        with self._ready().connect() as connection:
            return listings.claims_page(connection, filters or Filters(), limit, cursor)

    def places(
        self, filters: Filters | None = None, limit: int = 100, cursor: str | None = None
    ) -> Page[PlaceRecord]:
        with self._ready().connect() as connection:
            return listings.places_page(connection, filters or Filters(), limit, cursor)

    def iter_analyses(self, filters: Filters | None = None) -> Generator[Analysis, None, None]:
        """Matching analyses, streamed on one connection; `close()` the generator to give the
        connection back before the end (a reader that stops early)."""
        with self._ready().connect() as connection:
            yield from queries.iter_analyses(connection, filters)

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        with self._ready().connect() as connection:
            return search.search(connection, query, limit)

    def stats(self) -> StoreStats:
        with self._ready().connect() as connection:
            return stats.stats(connection)

    def rejects(self, limit: int = 100, cursor: str | None = None) -> Page[Reject]:
        with self._ready().connect() as connection:
            return stats.rejects_page(connection, limit, cursor)

    def duplicates(
        self, limit: int = 100, cursor: str | None = None, kind: str | None = None
    ) -> Page[DuplicateRecord]:
        with self._ready().connect() as connection:
            return stats.duplicates_page(connection, limit, cursor, kind)

    def versions(self, document_id: str) -> list[Versions]:
        """Later texts kept for a document (near duplicates, new versions of its id), each
        with the words that changed."""
        with self._ready().connect() as connection:
            return stats.versions(connection, document_id)

    def failed_documents(self, limit: int = 100) -> list[Reject]:
        with self._ready().connect() as connection:
            return stats.failed_documents(connection, limit)
