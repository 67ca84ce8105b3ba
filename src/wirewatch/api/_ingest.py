"""`POST /api/v1/documents`: analyse and store documents sent by an authorised client.

Registered only when a token is configured: a read-only server has no write route at all, so
there is nothing to misconfigure. The analyser is the batch one (resources loaded once per
process, on the first POST, not when the app is built).
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from typing import Annotated

from fastapi import APIRouter, Body, Depends, FastAPI, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel

from wirewatch.api._store import get_store
from wirewatch.ingest import fingerprint
from wirewatch.model import Analysis, Document, IngestResult, Origin
from wirewatch.settings import Settings
from wirewatch.store import Store

Analyser = Callable[[list[Document]], list[Analysis | Exception]]
MAX_DOCUMENTS = 100  # per request: a bigger batch belongs to `wirewatch ingest`

_bearer = HTTPBearer(auto_error=False, description="WIREWATCH_TOKEN as a bearer token")


class IngestReply(BaseModel):
    results: list[IngestResult]
    analysed: int
    failures: list[str]


def _authorise(request: Request, credentials: Annotated[
        HTTPAuthorizationCredentials | None, Depends(_bearer)]) -> None:
    token: str = request.app.state.settings.token
    if credentials is None:
        raise HTTPException(status_code=401, detail="missing bearer token",
                            headers={"WWW-Authenticate": "Bearer"})
    if not secrets.compare_digest(credentials.credentials.encode(), token.encode()):
        raise HTTPException(status_code=403, detail="invalid token")


def _ingest(store: Store, settings: Settings, analyser: Analyser,
            documents: list[Document]) -> IngestReply:
    threshold = settings.near_duplicate_threshold
    results, fresh = [], []
    for number, document in enumerate(documents, 1):
        origin = Origin(source="api", locator=f"item {number}")
        result = store.add_document(document, fingerprint(document.text, threshold=threshold),
                                    origin, threshold)
        results.append(result)
        if result.outcome == "stored":
            fresh.append(document)
    saved, failures = [], []
    for outcome in analyser(fresh) if fresh else []:
        if isinstance(outcome, Exception):
            failures.append(str(outcome))
        else:
            store.save_analysis(outcome)
            saved.append(outcome.document.id)
    if saved:
        _resolve(store, saved)
    return IngestReply(results=results, analysed=len(saved), failures=failures)


def _resolve(store: Store, document_ids: list[str]) -> None:
    """Fold the new analyses into stories, tracks and entities (no rebuild needed)."""
    try:
        from wirewatch.resolve import update
    except ImportError:  # an installation without cross-document resolution
        return
    update(store, document_ids)


def install(app: FastAPI, settings: Settings, analyser: Analyser | None) -> None:
    """Add the write route when `settings.token` is set; otherwise leave the API read-only."""
    if not settings.token:
        return
    router = APIRouter(prefix="/api/v1", tags=["ingest"])
    chosen: list[Analyser] = [analyser] if analyser else []

    def current() -> Analyser:
        if not chosen:  # imported here: the batch analyser pulls in spaCy
            from wirewatch.batch import BatchAnalyser
            chosen.append(BatchAnalyser(settings))
        return chosen[0]

    @router.post("/documents", response_model=IngestReply,
                 dependencies=[Depends(_authorise)],
                 summary="Analyse and store one document or a list of documents")
    def post_documents(
        body: Annotated[Document | list[Document], Body(
            description="A document (`text`, `date`, optional `id`, `url`, `outlet`, `title`, "
                        "`lang`) or a list of them.")],
        store: Annotated[Store, Depends(get_store)],
    ) -> IngestReply:
        documents = body if isinstance(body, list) else [body]
        if not documents:
            raise HTTPException(status_code=400, detail="no document in the request")
        if len(documents) > MAX_DOCUMENTS:
            raise HTTPException(status_code=413, detail=f"at most {MAX_DOCUMENTS} documents "
                                "per request; use `wirewatch ingest` for more")
        too_long = [d.id for d in documents if len(d.text) > settings.max_chars]
        if too_long:
            raise HTTPException(status_code=413, detail=f"text longer than {settings.max_chars} "
                                f"characters: {', '.join(too_long)}")
        return _ingest(store, settings, current(), documents)

    app.include_router(router)
