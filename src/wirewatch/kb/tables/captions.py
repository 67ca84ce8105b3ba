"""`kb/data/captions.yaml`: photo-credit patterns that open a caption paragraph."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, field_validator, model_validator

from wirewatch.kb.tables._common import Row

_LINE = re.compile(r"[^\n]+")


class Credit(Row):
    name: str
    regex: str

    @field_validator("regex")
    @classmethod
    def _compiles(cls, value: str) -> str:
        if "credit" not in re.compile(value).groupindex:
            raise ValueError(f"credit regex {value!r} has no (?P<credit>...) group")
        return value


@dataclass(frozen=True)
class Caption:
    start: int  # the whole caption line, credit included
    end: int
    credit_start: int
    credit_end: int


class Table(BaseModel):
    model_config = ConfigDict(extra="forbid")
    max_chars: int = Field(gt=0)
    credits: list[Credit]
    _compiled: list[re.Pattern[str]] = PrivateAttr(default_factory=list)

    @model_validator(mode="after")
    def _compile(self) -> Table:
        self._compiled = [re.compile(c.regex) for c in self.credits]
        return self

    def find(self, text: str) -> list[Caption]:
        """Caption lines in a text: lines whose opening matches a credit pattern."""
        found = []
        for line in _LINE.finditer(text):
            body = line.group()
            lead = len(body) - len(body.lstrip())
            if len(body) > self.max_chars:
                continue
            for regex in self._compiled:
                match = regex.match(body, lead)
                if match:
                    start, end = line.start(), line.start() + len(body.rstrip())
                    found.append(
                        Caption(
                            start + lead,
                            end,
                            start + match.start("credit"),
                            start + match.end("credit"),
                        )
                    )
                    break
        return found
