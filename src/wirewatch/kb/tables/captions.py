"""`kb/data/captions.yaml`: the layout of a news text: photo-credit patterns that open a caption
paragraph, and the line openings that are not part of a sentence (datelines, live-blog
timestamps)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, field_validator, model_validator

from wirewatch.kb.tables._common import Row

_LINE = re.compile(r"[^\n]+")
_SENTENCE_GOES_ON = frozenset(".!?…:;,-–—")  # a line ending so is a sentence, or goes on


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
    "09:40 GMT —"): the regex matches it whole, at the start of the report's lead line only
    (a dateline) or of every line."""

    name: str
    regex: str
    lines: Literal["first", "every"] = "first"


# A line that ends a sentence somewhere (a full stop, question or exclamation mark after a
# lower-case word, digit or bracket, not an initial's "U.S."; then a space or the line's
# end): prose. Lines above the first such are a report's headings.
_PROSE = re.compile(r"(?<=[a-zà-ÿ0-9)\]\"”’])[.!?…][\"”’)\]]*(?:\s|$)")


@dataclass(frozen=True)
class LineOpening:
    start: int
    end: int  # where the sentence after it starts
    dateline: bool  # an opening of the first line or the lead: may be the dateline


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
    heading: str | None = None  # a whole line that heads what is under it
    # A headline: a line standing alone (first, or after a blank line) of at most this many
    # words, with no sentence end, over a line that opens with a capital.
    headline_max_words: int = Field(default=0, ge=0)
    # Words a headline does not end with: a line ending so is a sentence wrapped at its end.
    headline_not_last: list[str] = Field(default_factory=list)
    _heading: re.Pattern[str] | None = PrivateAttr(default=None)
    _compiled: list[re.Pattern[str]] = PrivateAttr(default_factory=list)
    _openings: list[tuple[re.Pattern[str], Opening]] = PrivateAttr(default_factory=list)

    @model_validator(mode="after")
    def _compile(self) -> Table:
        self._compiled = [re.compile(c.regex) for c in self.credits]
        self._openings = [(re.compile(o.regex), o) for o in self.openings]
        self._heading = re.compile(self.heading) if self.heading else None
        return self

    def after_headings(self, text: str) -> list[int]:
        """Where a line under a heading line starts ("HMNZS TE KAHA" over "Sailed from
        Devonport"): a sentence starts there, not inside the heading."""
        if self._heading is None:
            return []
        starts = []
        for line, below in pairwise(_LINE.finditer(text)):
            gap = text[line.end() : below.start()]
            opens = below.group().lstrip()[:1]
            heads = self._heading.fullmatch(line.group()) or self._headline(text, line)
            if gap == "\n" and opens.isupper() and heads:
                starts.append(below.start() + len(below.group()) - len(below.group().lstrip()))
        return starts

    def headlines(self, text: str) -> list[tuple[int, int]]:
        """Spans of the headline lines (not the all-capitalised headings, whose name the
        entry under them is about) over a line that opens with a capital."""
        out = []
        for line, below in pairwise(_LINE.finditer(text)):
            gap = text[line.end() : below.start()]
            if (
                gap == "\n"
                and below.group().lstrip()[:1].isupper()
                and self._headline(text, line)
                and not (self._heading is not None and self._heading.fullmatch(line.group()))
            ):
                out.append((line.start(), line.end()))
        return out

    def _headline(self, text: str, line: re.Match[str]) -> bool:
        """ "Spanish Hornets fly to Lithuania" over the report: a short line standing alone
        with no sentence end (a hard-wrapped paragraph's first line is longer)."""
        body = line.group().strip()
        alone = line.start() == 0 or text.startswith("\n\n", max(0, line.start() - 2))
        return (
            alone
            and bool(body)
            and (body[0].isupper() or body[0].isdigit())
            and body[-1] not in _SENTENCE_GOES_ON
            and len(body.split()) <= self.headline_max_words
            and body.split()[-1].casefold() not in self.headline_not_last
        )

    def sentence_starts(self, text: str) -> list[int]:
        """Where a sentence starts after a line opening (the first character after it), for
        every line opening found; the opening itself stays a sentence of its own."""
        return [o.end for o in self.line_openings(text)]

    def datelines(self, text: str) -> list[tuple[int, int]]:
        """Spans that may be the dateline ("ANTOFAGASTA, 11 October 2025 — "): openings of
        the report's first line, its headings and its lead (the first line of prose); the
        first that names a place is the dateline."""
        return [(o.start, o.end) for o in self.line_openings(text) if o.dateline]

    def line_openings(self, text: str) -> list[LineOpening]:
        """Each line opening with text after it on its line, in one pass over the lines."""
        found: list[LineOpening] = []
        lead_seen = False  # a dateline opens the first line or the first line of prose
        for number, line in enumerate(_LINE.finditer(text)):
            body = line.group()
            indent = len(body) - len(body.lstrip())
            at_lead = number == 0 or not lead_seen
            lead_seen = lead_seen or bool(_PROSE.search(body))
            for regex, opening in self._openings:
                dateline = opening.lines == "first"
                if dateline and not at_lead:
                    continue
                match = regex.match(body, indent)
                if match and match.end() < len(body.rstrip()):
                    start, end = line.start() + indent, line.start() + match.end()
                    found.append(LineOpening(start, end, dateline))
                    break
        return found

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
