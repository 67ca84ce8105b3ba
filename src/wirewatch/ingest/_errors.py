"""The one error type readers raise for a record (or a whole file) that cannot be a Document,
and the one shape every reject message takes: a single, bounded line of storable text."""

from __future__ import annotations

import re
import reprlib

from wirewatch.model import Origin, Reject
from wirewatch.model.records import RejectReason

# Long enough for any message we write plus a quoted value; a parser's message may quote
# megabytes of input, which a summary line has no room for.
MESSAGE_MAX = 500
# Line breaks and other C0/C1 controls (NUL included) would break a one-line summary or the
# store; lone surrogates (from escaped JSON or undecodable file names) cannot be stored either.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


def one_line(text: str, limit: int = MESSAGE_MAX) -> str:
    """`text` as one storable line of at most `limit` characters."""
    flat = _UNPRINTABLE.sub(_escape, text)
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _escape(found: re.Match[str]) -> str:
    char = found.group()
    return " " if char in "\t\n\r" else f"\\u{ord(char):04x}"


# A value quoted in a message: nested containers and long strings are cut, never walked whole.
_BRIEF = reprlib.Repr()
_BRIEF.maxlevel, _BRIEF.maxstring, _BRIEF.maxother = 2, 60, 60


def brief(value: object) -> str:
    return _BRIEF.repr(value)


def reject(origin: Origin, reason: RejectReason, message: str) -> Reject:
    return Reject(origin=origin, reason=reason, message=one_line(message))


def describe(error: BaseException) -> str:
    """ "<ExceptionType>: <message>", one line: for errors no reader anticipated."""
    try:
        text = str(error)
    except Exception:  # a foreign exception whose __str__ fails itself: the type must do
        text = ""
    return one_line(f"{type(error).__name__}: {text}" if text else type(error).__name__)


class RecordError(Exception):
    """Why an input record was refused; turned into a `Reject` by the reader or the driver."""

    def __init__(self, reason: RejectReason, message: str) -> None:
        message = one_line(message)
        super().__init__(message)
        self.reason: RejectReason = reason
        self.message = message

    def reject(self, origin: Origin) -> Reject:
        return Reject(origin=origin, reason=self.reason, message=self.message)
