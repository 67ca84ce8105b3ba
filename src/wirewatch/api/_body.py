"""The body of `POST /api/v1/documents`: how large it may be, and how it becomes documents.

The route declares no body parameter, so FastAPI neither reads nor parses the body before
the token is checked: `read_body` runs only after `_authorise` (a dependency listed before
it), and the `BodyLimit` middleware bounds what it reads. Every fault of the body itself is
a 400 naming the item and field; too many documents is a 413.
"""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import Depends, HTTPException, Request
from pydantic import ValidationError

from wirewatch.api._errors import bad_request, describe, one_line
from wirewatch.model import Document
from wirewatch.model.limits import ID_MAX, LANG_MAX, META_MAX
from wirewatch.settings import Settings

MAX_DOCUMENTS = 100  # per request: a bigger batch belongs to `wirewatch ingest`
BODY_CEILING = 32 * 1024 * 1024  # whatever max_chars says: the whole body is parsed in memory
_JSON_BYTES_PER_CHAR = 6  # "\u00e9": a JSON encoder that escapes non-ASCII writes 6 bytes
_FIELD_SLACK = 256  # keys, quotes, the date, punctuation
_SHOWN_PROBLEMS = 10

# For the OpenAPI schema only: the route reads the body itself (see the module docstring).
REQUEST_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {
                "schema": {
                    "description": "A document (`text`, `date`, optional `id`, `url`, "
                    "`outlet`, `title`, `lang`) or a list of at most 100 of them.",
                    "anyOf": [
                        {"$ref": "#/components/schemas/Document"},
                        {
                            "type": "array",
                            "maxItems": MAX_DOCUMENTS,
                            "minItems": 1,
                            "items": {"$ref": "#/components/schemas/Document"},
                        },
                    ],
                }
            }
        },
    }
}


def body_limit(settings: Settings) -> int:
    """The largest request body read: MAX_DOCUMENTS documents of `max_chars` characters
    (and full metadata), each character escaped as JSON may escape it, up to BODY_CEILING."""
    chars = settings.max_chars + 3 * META_MAX + ID_MAX + LANG_MAX
    per_document = chars * _JSON_BYTES_PER_CHAR + _FIELD_SLACK
    return min(per_document * MAX_DOCUMENTS, BODY_CEILING)


async def read_body(request: Request) -> bytes:
    """The raw body; a 413 (from `BodyLimit`) as soon as it passes the limit."""
    return await request.body()


def _payload(raw: bytes) -> tuple[list[Any], bool]:
    """The body's JSON as a list of would-be documents, and whether it was one object (a
    list of one then, whose errors need no item number)."""
    if not raw.strip():
        raise bad_request("body: empty; send a JSON document or a list of documents")
    try:
        payload = json.loads(raw)
    except ValueError as error:  # not JSON, or not UTF-8
        raise bad_request(one_line([f"body: not valid JSON ({error})"])) from None
    except RecursionError:  # "[[[[..." nested deeper than the decoder's stack
        raise bad_request("body: JSON nested too deeply") from None
    if isinstance(payload, dict):
        return [payload], True
    if not isinstance(payload, list):
        raise bad_request(
            f"body: a JSON object (one document) or an array of them, not {type(payload).__name__}"
        )
    return payload, False


def parse_documents(raw: Annotated[bytes, Depends(read_body)]) -> list[Document]:
    """The documents of the body (a plain function, so FastAPI runs it in a worker thread
    and a large body does not hold up the event loop while it is validated)."""
    items, single = _payload(raw)
    if not items:
        raise bad_request("no document in the request")
    if len(items) > MAX_DOCUMENTS:  # before validating: the count alone decides
        raise HTTPException(
            status_code=413,
            detail=f"at most {MAX_DOCUMENTS} documents per "
            "request; use `wirewatch ingest` for more",
        )
    documents, problems = [], []
    for number, item in enumerate(items):
        try:
            documents.append(Document.model_validate(item))
        except ValidationError as error:
            problems += describe(error.errors(), prefix="" if single else f"{number}.")
    if problems:
        more = len(problems) - _SHOWN_PROBLEMS
        shown = problems[:_SHOWN_PROBLEMS] + ([f"and {more} more"] if more > 0 else [])
        raise bad_request(one_line(shown))
    return documents
