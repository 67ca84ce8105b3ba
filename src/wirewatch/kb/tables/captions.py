"""`kb/data/captions.yaml`: the layout of a news text: photo-credit patterns that open a caption
paragraph, and the line openings that are not part of a sentence (datelines, live-blog
timestamps)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

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


class Opening(Row):
    """A line opening that is not part of the sentence after it ("MOSCOW, May 3 (Outlet) -",
    "09:40 GMT —"): the regex matches it whole, at the start of the first line only or of
    every line."""

    name: str
    regex: str
    lines: Literal["first", "every"] = "first"


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
    openings: list[Opening] = Field(default_factory=list)
    _compiled: list[re.Pattern[str]] = PrivateAttr(default_factory=list)
    _openings: list[tuple[re.Pattern[str], Opening]] = PrivateAttr(default_factory=list)

    @model_validator(mode="after")
    def _compile(self) -> Table:
        self._compiled = [re.compile(c.regex) for c in self.credits]
        self._openings = [(re.compile(o.regex), o) for o in self.openings]
        return self

    def sentence_starts(self, text: str) -> list[int]:
        """Where a sentence starts after a line opening (the first character after it), for
        every line opening found; the opening itself stays a sentence of its own."""
        starts: list[int] = []
        for number, line in enumerate(_LINE.finditer(text)):
            lead = len(line.group()) - len(line.group().lstrip())
            for regex, opening in self._openings:
                if opening.lines == "first" and number > 0:
                    continue
                match = regex.match(line.group(), lead)
                if match and match.end() < len(line.group().rstrip()):
                    starts.append(line.start() + match.end())
                    break
        return starts

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
