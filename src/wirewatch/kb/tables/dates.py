"""`kb/data/dates.yaml`: the temporal-expression lexicon (relative phrases, patterns the NER
misses, what is not a date, and future-context cues)."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, field_validator, model_validator

from wirewatch.kb.tables._common import Row

Unit = Literal["day", "week", "month", "year"]


class Phrase(Row):
    text: str
    rule: Literal["day", "week", "month", "year", "to_date"]
    offset: int = 0
    unit: Unit | None = None  # for to_date
    anchor: Literal["document", "previous"]


class Pattern(Row):
    name: str
    regex: str
    scope: Literal["text", "entity"] = "text"  # entity: applied only inside NER DATE spans

    @field_validator("regex")
    @classmethod
    def _compiles(cls, value: str) -> str:
        re.compile(value)
        return value


class NotDate(Row):
    regex: str
    reason: str


class Holiday(Row):
    name: str
    month: int = Field(ge=1, le=12)
    day: int = Field(ge=1, le=31)


class RelativeCounts(Row):
    """ "three days ago", "a week later": counts written as words, and the direction words
    that count forward from the previous date (any other counts back)."""

    numbers: dict[str, int]
    forward: list[str]


class Future(BaseModel):
    model_config = ConfigDict(extra="forbid")
    modals: list[str]
    participles: list[str]
    words: list[str]


def _first_chars(words: list[str]) -> str:
    """A lookahead for the first letters of `words`: every match starts with one, and the
    regex engine skips the positions that hold none instead of trying each alternative there
    (about twice as fast over a news text, with the same matches)."""
    if not words:
        return ""
    return "(?=[" + "".join(sorted({re.escape(w[0]) for w in words})) + "])"


class Table(BaseModel):
    model_config = ConfigDict(extra="forbid")
    phrases: list[Phrase]
    patterns: list[Pattern]
    not_dates: list[NotDate]
    not_after: list[str] = Field(default_factory=list)
    # Words after a four-digit number that make it a time of day ("2015 hrs", "1430 GMT").
    clock_units: list[str] = Field(default_factory=list)
    holidays: list[Holiday] = Field(default_factory=list)
    event_relative_pos: list[str] = Field(default_factory=list)
    future: Future
    relative_counts: RelativeCounts
    source_note: str
    _phrases: dict[str, Phrase] = PrivateAttr(default_factory=dict)
    _not: list[re.Pattern[str]] = PrivateAttr(default_factory=list)
    # Compiled once here: the dates step asks for them on every document.
    _phrase_regex: re.Pattern[str] | None = PrivateAttr(default=None)
    _holiday_regex: re.Pattern[str] | None = PrivateAttr(default=None)
    _compiled: dict[str, list[tuple[str, re.Pattern[str]]]] = PrivateAttr(default_factory=dict)

    @model_validator(mode="after")
    def _build(self) -> Table:
        self._phrases = {p.text.casefold(): p for p in self.phrases}
        self._not = [re.compile(n.regex) for n in self.not_dates]
        texts = sorted(self._phrases, key=len, reverse=True)
        body = "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in texts)
        self._phrase_regex = re.compile(rf"(?i){_first_chars(texts)}\b(?:{body})\b")
        names = sorted((h.name for h in self.holidays), key=len, reverse=True)
        body = "|".join(re.escape(n).replace(r"\ ", r"\s+").replace("'", "['’]") for n in names)
        self._holiday_regex = re.compile(rf"{_first_chars(names)}\b(?:{body})\b")
        self._compiled = {
            scope: [
                (p.name, re.compile(p.regex))
                for p in self.patterns
                if scope == "entity" or p.scope == "text"
            ]
            for scope in ("text", "entity")
        }
        return self

    def before_clock_unit(self, following: str) -> bool:
        """Whether the text after a number starts with a clock unit ("hrs", "GMT")."""
        words = following.split(maxsplit=1)
        return bool(words) and words[0].strip(".,;:)").casefold() in self.clock_units

    def phrase(self, text: str) -> Phrase | None:
        return self._phrases.get(" ".join(text.casefold().split()))

    def phrase_regex(self) -> re.Pattern[str]:
        """One regex for every fixed phrase, longest first, on word boundaries."""
        assert self._phrase_regex is not None  # set by the validator
        return self._phrase_regex

    def holiday(self, text: str) -> Holiday | None:
        folded = " ".join(text.casefold().replace("’", "'").split())
        return next((h for h in self.holidays if h.name.casefold() == folded), None)

    def holiday_regex(self) -> re.Pattern[str]:
        assert self._holiday_regex is not None  # set by the validator
        return self._holiday_regex

    def compiled(self, scope: str) -> list[tuple[str, re.Pattern[str]]]:
        """Patterns run over the whole text (scope "text"), or every pattern, for the inside
        of an NER DATE span (scope "entity")."""
        return self._compiled[scope]

    def is_not_date(self, text: str) -> bool:
        return any(regex.search(text) for regex in self._not)
