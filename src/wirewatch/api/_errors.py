"""One error shape for every 4xx: `{"detail": "<what was wrong>"}`, one line, readable by a
person.

FastAPI's default validation error is a 422 with a list of dicts; clients and the UI show
`detail` as it is, so it is flattened into one line per bad parameter here, and every input
error of the API (query, path or body) is a 400.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel


class Problem(BaseModel):
    detail: str


# Declared on the routers: one documented error shape instead of FastAPI's 422 schema (a
# "4XX" entry also keeps FastAPI from adding a 422 response nobody ever gets).
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    "4XX": {
        "model": Problem,
        "description": "Bad input (400), missing or wrong token "
        "(401/403), not found (404), body too large (413): `detail` says which.",
    },
}


def bad_request(message: str) -> HTTPException:
    return HTTPException(status_code=400, detail=message)


def not_found(message: str) -> HTTPException:
    return HTTPException(status_code=404, detail=message)


def describe(errors: Iterable[Any], prefix: str = "") -> list[str]:
    """pydantic's errors as `name: message` lines; `prefix` names the item of a list."""
    messages = []
    for error in errors:
        where = [str(p) for p in error.get("loc", ()) if p not in ("query", "body", "path")]
        name = prefix + ".".join(where) if where else prefix.rstrip(".") or "request"
        messages.append(f"{name}: {error.get('msg', 'invalid value')}")
    return messages


def one_line(messages: list[str]) -> str:
    """The messages joined on one line (a message may quote a value holding a newline)."""
    return "; ".join(messages).replace("\r", " ").replace("\n", " ")


async def _validation(_request: Request, error: RequestValidationError) -> JSONResponse:
    return JSONResponse(status_code=400, content={"detail": one_line(describe(error.errors()))})


def install(app: FastAPI) -> None:
    app.add_exception_handler(RequestValidationError, _validation)  # type: ignore[arg-type]
