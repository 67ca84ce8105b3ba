"""The one error type readers raise for a record (or a whole file) that cannot be a Document."""

from __future__ import annotations

from wirewatch.model import Origin, Reject
from wirewatch.model.records import RejectReason


class RecordError(Exception):
    """Why an input record was refused; turned into a `Reject` by the reader or the driver."""

    def __init__(self, reason: RejectReason, message: str) -> None:
        super().__init__(message)
        self.reason: RejectReason = reason
        self.message = message

    def reject(self, origin: Origin) -> Reject:
        return Reject(origin=origin, reason=self.reason, message=self.message)
