"""One record's fields (from any format) to a Document, or the reason it cannot be one."""

from __future__ import annotations

from collections.abc import Mapping

from pydantic import ValidationError

from wirewatch.ingest._dates import resolve_date
from wirewatch.ingest._errors import RecordError
from wirewatch.ingest._source import Output, ReadOptions
from wirewatch.model import Document, Incoming, Origin

# Optional metadata every format may carry (spec §1); other keys in a record are ignored.
METADATA_FIELDS = ("id", "url", "outlet", "title", "lang")


def build(
    origin: Origin, fields: Mapping[str, object], options: ReadOptions, *, replaced: int = 0
) -> Output:
    """An Incoming for good fields, a Reject naming the first problem otherwise; `replaced`
    is how many undecodable bytes of the record were replaced by U+FFFD."""
    try:
        document = to_document(fields, options)
    except RecordError as error:
        return error.reject(origin)
    return Incoming(origin=origin, document=document, replaced=replaced)


def to_document(fields: Mapping[str, object], options: ReadOptions) -> Document:
    text = _text(fields)
    date = resolve_date(fields.get("date"), options.default_date)
    check_size(text, options)
    metadata = {name: _metadata(fields, name) for name in METADATA_FIELDS}
    present = {name: value for name, value in metadata.items() if value is not None}
    if "lang" in present:
        present["lang"] = primary_language(present["lang"])
    try:
        return Document(date=date, text=text, **present)
    except ValidationError as error:
        raise refused(error) from error


def refused(error: ValidationError) -> RecordError:
    """The model's first objection, in one line naming the field: a date it refuses is a
    bad_date, anything else malformed (pydantic's own text spans lines and quotes the input)."""
    problems = error.errors(include_url=False, include_input=False)
    first = problems[0]
    field = ".".join(str(part) for part in first["loc"]) or "document"
    message = first["msg"].removeprefix("Value error, ")
    if f"`{field}`" not in message:
        message = f"`{field}`: {message}"
    if len(problems) > 1:
        message += f" (and {len(problems) - 1} more problem(s))"
    return RecordError("bad_date" if field == "date" else "malformed", message)


def check_size(text: str, options: ReadOptions) -> None:
    if not text.strip():
        raise RecordError("empty_text", "the text is empty (nothing but white space or markup)")
    if len(text) > options.max_chars:
        raise RecordError(
            "too_large",
            f"the text has {len(text):,} characters, over the "
            f"max_chars limit of {options.max_chars:,}",
        )


def primary_language(tag: str) -> str:
    """ "en-US", "en_GB", "EN" -> "en": the pipeline is chosen by language, not by region."""
    return tag.replace("_", "-").split("-", 1)[0].strip().lower()


def _text(fields: Mapping[str, object]) -> str:
    text = fields.get("text")
    if text is None:
        raise RecordError("malformed", "the record has no `text` field")
    if not isinstance(text, str):
        raise RecordError("malformed", f"`text` is a {type(text).__name__}, not a string")
    return text


def _metadata(fields: Mapping[str, object], name: str) -> str | None:
    value = fields.get(name)
    if value is None:
        return None
    if name == "id" and isinstance(value, int) and not isinstance(value, bool):
        return str(value)  # numeric ids are common in exported corpora
    if not isinstance(value, str):
        raise RecordError("malformed", f"`{name}` is a {type(value).__name__}, not a string")
    return value.strip() or None
