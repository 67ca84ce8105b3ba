"""One error shape for every 4xx: `{"detail": "<what was wrong>"}`, readable by a person.

FastAPI's default validation error is a list of dicts; clients and the UI show `detail` as
it is, so it is flattened into one line per bad parameter here.
"""

from __future__ import annotations

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse


def bad_request(message: str) -> HTTPException:
    return HTTPException(status_code=400, detail=message)


def not_found(message: str) -> HTTPException:
    return HTTPException(status_code=404, detail=message)


def _describe(error: dict) -> str:
    where = [str(part) for part in error.get("loc", ()) if part not in ("query", "body", "path")]
    name = ".".join(where) or "request"
    return f"{name}: {error.get('msg', 'invalid value')}"


async def _validation(_request: Request, error: RequestValidationError) -> JSONResponse:
    messages = [_describe(e) for e in error.errors()]
    return JSONResponse(status_code=422, content={"detail": "; ".join(messages)})


def install(app: FastAPI) -> None:
    app.add_exception_handler(RequestValidationError, _validation)  # type: ignore[arg-type]
