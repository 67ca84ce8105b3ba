"""`POST /api/v1/documents`: analyse and store documents sent by an authorised client.

Registered only when a token is configured: a read-only server has no write route at all, so
there is nothing to misconfigure. The analyser is the batch one (resources loaded once per
process, on the first POST, not when the app is built).
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from typing import Annotated

from fastapi import APIRouter, Depends, FastAPI, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel

from wirewatch.api._body import REQUEST_BODY, parse_documents
from wirewatch.api._errors import ERROR_RESPONSES
from wirewatch.api._store import get_store
from wirewatch.model import Analysis, Document, IngestResult, Origin
from wirewatch.settings import Settings
from wirewatch.store import Store

Analyser = Callable[[list[Document]], list[Analysis | Exception]]

_bearer = HTTPBearer(auto_error=False, description="WIREWATCH_TOKEN as a bearer token")


class IngestReply(BaseModel):
    results: list[IngestResult]
    analysed: int
    failures: list[str]


def _authorise(
    request: Request, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]
) -> None:
    token: str = request.app.state.settings.token
    if credentials is None:
        raise HTTPException(
            status_code=401, detail="missing bearer token", headers={"WWW-Authenticate": "Bearer"}
        )
    if not secrets.compare_digest(credentials.credentials.encode(), token.encode()):
        raise HTTPException(status_code=403, detail="invalid token")


def _ingest(
    store: Store, settings: Settings, analyser: Analyser, documents: list[Document]
) -> IngestReply:
    """The ingest job of the CLI, on the posted documents: the same admission, duplicates,
    failure isolation and story/track update."""
    from wirewatch.batch import ingest_documents

    tagged = [(document, Origin(source="api", locator=f"{document.id}")) for document in documents]
    results, summary = ingest_documents(
        tagged, store, settings, analyser=analyser, on_saved=lambda ids: _resolve(store, ids)
    )
    return IngestReply(results=results, analysed=summary.analysed, failures=summary.failures)


def _resolve(store: Store, document_ids: list[str]) -> None:
    """Fold the new analyses into stories, tracks and entities (no rebuild needed)."""
    from wirewatch.resolve import update

    update(store, document_ids)


def install(app: FastAPI, settings: Settings, analyser: Analyser | None) -> None:
    """Add the write route when `settings.token` is set; otherwise leave the API read-only."""
    if not settings.token:
        return
    router = APIRouter(prefix="/api/v1", tags=["ingest"], responses=ERROR_RESPONSES)
    chosen: list[Analyser] = [analyser] if analyser else []

    def current() -> Analyser:
        if not chosen:  # imported here: the batch analyser pulls in spaCy
            from wirewatch.batch import BatchAnalyser

            chosen.append(BatchAnalyser(settings))
        return chosen[0]

    # `_authorise` runs before `parse_documents` reads the body: without a valid token the
    # body is never read, whatever its size or content (no body parameter for FastAPI).
    @router.post(
        "/documents",
        response_model=IngestReply,
        dependencies=[Depends(_authorise)],
        openapi_extra=REQUEST_BODY,
        summary="Analyse and store one document or a list of documents",
    )
    def post_documents(
        documents: Annotated[list[Document], Depends(parse_documents)],
        store: Annotated[Store, Depends(get_store)],
    ) -> IngestReply:
        too_long = [d.id for d in documents if len(d.text) > settings.max_chars]
        if too_long:
            raise HTTPException(
                status_code=413,
                detail=f"text longer than {settings.max_chars} characters: {', '.join(too_long)}",
            )
        return _ingest(store, settings, current(), documents)

    app.include_router(router)
