"""The read routes of `/api/v1`: listings with `Filters` and cursor pages, one document with
its analysis, tracks, entities, search, stats and streaming exports."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import Annotated, TypeVar

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response, StreamingResponse
from pydantic import BaseModel

from wirewatch import resolve
from wirewatch.api import _export, _resolved
from wirewatch.api._errors import ERROR_RESPONSES, bad_request, not_found
from wirewatch.api._params import Cursor, Limit, check_params, filters, unsupported
from wirewatch.api._store import get_store
from wirewatch.export import TextFormat
from wirewatch.model import Analysis, Document, Filters
from wirewatch.model.filters import UnsupportedFilters
from wirewatch.model.vocab import EntityKind
from wirewatch.store import (
    ClaimRecord,
    EventRecord,
    MovementRecord,
    Page,
    PlaceRecord,
    SearchHit,
    Store,
    StoreStats,
)

P = TypeVar("P", bound=BaseModel)
StoreDep = Annotated[Store, Depends(get_store)]
FiltersDep = Annotated[Filters, Depends(filters)]
# check_params first: no route reads a parameter PostgreSQL could not bind.
router = APIRouter(
    prefix="/api/v1", dependencies=[Depends(check_params)], responses=ERROR_RESPONSES
)

STORIES_MISSING = (
    "stories are not available: they come from cross-document resolution "
    "(the resolve module), which this installation does not include"
)


class DocumentDetail(BaseModel):
    document: Document
    analysis: Analysis | None = None  # None while the document waits for analysis


def _paged(read: Callable[[], P]) -> P:
    """A page; a ValueError (bad cursor, bad limit, a filter this kind does not take) is the
    client's fault."""
    try:
        return read()
    except UnsupportedFilters as error:
        raise unsupported(error) from None
    except ValueError as error:
        raise bad_request(str(error)) from None


def _json(value: BaseModel) -> Response:
    """The model as JSON, serialised once. Returning a Response skips FastAPI's second
    validation of the `response_model` (still declared, for the OpenAPI schema), which
    took about as long as the query on pages of 100 tracks."""
    return Response(content=value.model_dump_json(), media_type="application/json")


@router.get("/documents", response_model=Page[Document], tags=["documents"])
def list_documents(
    store: StoreDep, f: FiltersDep, limit: Limit = 100, cursor: Cursor = None
) -> Response:
    """Documents by date (outlet, text and date filters apply)."""
    return _json(_paged(lambda: store.documents(f, limit=limit, cursor=cursor)))


@router.get("/documents/{doc_id}", response_model=DocumentDetail, tags=["documents"])
def get_document(doc_id: str, store: StoreDep) -> DocumentDetail:
    """One document with its full analysis."""
    analysis = store.get_analysis(doc_id)
    if analysis is not None:
        return DocumentDetail(document=analysis.document, analysis=analysis)
    document = store.get_document(doc_id)
    if document is None:
        raise not_found(f"no document with id {doc_id!r}")
    return DocumentDetail(document=document)


@router.get("/events", response_model=Page[EventRecord], tags=["items"])
def list_events(
    store: StoreDep, f: FiltersDep, limit: Limit = 100, cursor: Cursor = None
) -> Response:
    """PLOVER events by date, with their document and resolved place."""
    return _json(_paged(lambda: store.events(f, limit=limit, cursor=cursor)))


@router.get("/movements", response_model=Page[MovementRecord], tags=["items"])
def list_movements(
    store: StoreDep, f: FiltersDep, limit: Limit = 100, cursor: Cursor = None
) -> Response:
    """Asset movements by date, with their route resolved to places."""
    return _json(_paged(lambda: store.movements(f, limit=limit, cursor=cursor)))


@router.get("/claims", response_model=Page[ClaimRecord], tags=["items"])
def list_claims(
    store: StoreDep, f: FiltersDep, limit: Limit = 100, cursor: Cursor = None
) -> Response:
    return _json(_paged(lambda: store.claims(f, limit=limit, cursor=cursor)))


@router.get("/places", response_model=Page[PlaceRecord], tags=["items"])
def list_places(
    store: StoreDep, f: FiltersDep, limit: Limit = 100, cursor: Cursor = None
) -> Response:
    return _json(_paged(lambda: store.places(f, limit=limit, cursor=cursor)))


@router.get("/tracks", response_model=resolve.Page[resolve.Track], tags=["across documents"])
def list_tracks(
    store: StoreDep, f: FiltersDep, limit: Limit = 100, cursor: Cursor = None
) -> Response:
    """Resolved asset tracks by first date: legs in order, each with every report behind it,
    gaps and contradictions flagged (since, until, country, asset and outlet apply)."""
    return _json(_paged(lambda: resolve.tracks(store, f, limit=limit, cursor=cursor)))


@router.get("/tracks/{key:path}", response_model=resolve.Track, tags=["across documents"])
def get_track(key: str, store: StoreDep) -> Response:
    """One track by its key (e.g. `RA82038|RUS`, or `model:an124|RUS|2019-03` for an
    airframe no report identifies); `:path` because a model name may hold a slash."""
    found = resolve.track(store, key)
    if found is None:
        raise not_found(f"no track with key {key!r}")
    return _json(found)


def _resolve() -> ModuleType:
    """The resolve module, imported on use: the API keeps working without it."""
    try:
        import wirewatch.resolve as resolve
    except ImportError:
        raise not_found(STORIES_MISSING) from None
    return resolve


@router.get(
    "/stories", tags=["across documents"], responses={404: {"description": STORIES_MISSING}}
)
def list_stories(
    store: StoreDep,
    f: FiltersDep,
    limit: Limit = 50,
    cursor: Cursor = None,
    min_sources: Annotated[
        int,
        Query(
            ge=1, le=100, description="Only stories told by at least this many distinct reports."
        ),
    ] = 1,
) -> Response:
    """Stories: one real-world event as every outlet reports it (built by `resolve`)."""
    stories = _resolve().stories
    return _json(
        _paged(lambda: stories(store, f, limit=limit, cursor=cursor, min_sources=min_sources))
    )


@router.get(
    "/events/{document_id}/{event_id}/story",
    tags=["across documents"],
    response_model=None,
    responses={404: {"description": "the event is in no story (yet)"}},
)
def story_of_event(document_id: str, event_id: str, store: StoreDep) -> Response:
    """The story an event belongs to: every report of the same happening."""
    found = _resolve().story_of_event(store, document_id, event_id)
    if found is None:
        raise not_found(
            f"event {event_id!r} of document {document_id!r} is in no story; "
            "run `wirewatch resolve` after ingesting"
        )
    return _json(found)


@router.get(
    "/stories/{story_id}",
    tags=["across documents"],
    response_model=None,
    responses={404: {"description": "no such story"}},
)
def get_story(story_id: str, store: StoreDep) -> Response:
    found = _resolve().story(store, story_id)
    if found is None:
        raise not_found(f"no story with id {story_id!r}")
    return _json(found)


@router.get(
    "/entities", response_model=resolve.Page[resolve.CanonicalEntity], tags=["across documents"]
)
def list_entities(
    store: StoreDep,
    f: FiltersDep,
    limit: Limit = 100,
    cursor: Cursor = None,
    kind: Annotated[EntityKind | None, Query(description="Entity kind, e.g. PERSON.")] = None,
    name: Annotated[str | None, Query(description="A name or alias of the entity.")] = None,
) -> Response:
    """Canonical entities by name, each with its aliases and why they were merged (country
    applies; `name` matches any alias, titles and case ignored)."""
    return _json(_paged(lambda: _resolved.entities(store, f, kind, name, limit, cursor)))


@router.get(
    "/entities/{id_or_name}", response_model=resolve.CanonicalEntity, tags=["across documents"]
)
def get_entity(id_or_name: str, store: StoreDep) -> Response:
    """One entity by id, else by a name or alias, with its count of distinct reports."""
    found = resolve.entity(store, id_or_name)
    if found is None:
        raise not_found(f"no entity with id or name {id_or_name!r}")
    return _json(found)


@router.get("/search", response_model=Page[SearchHit], tags=["documents"])
def search(
    store: StoreDep,
    q: Annotated[
        str, Query(min_length=1, max_length=1000, description='Words, "phrases", OR, -excluded.')
    ],
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
) -> Page[SearchHit]:
    """Full-text search over titles and texts, best first (one page)."""
    try:
        hits = store.search(q, limit)
    except ValueError as error:
        raise bad_request(f"q: {error}") from None
    return Page(items=hits)


@router.get("/stats", response_model=StoreStats, tags=["documents"])
def stats(store: StoreDep) -> StoreStats:
    return store.stats()


@router.get(
    "/export",
    tags=["export"],
    response_class=StreamingResponse,
    responses={200: {"description": "The export file, streamed."}},
)
def export(
    store: StoreDep, f: FiltersDep, spec: Annotated[TextFormat, Depends(_export.requested_format)]
) -> StreamingResponse:
    """The matching analyses in a standard format (the same filters as the listings)."""
    name = _export.download_name(spec)
    return StreamingResponse(
        _export.stream(spec, store, f),
        media_type=spec.media_type,
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
