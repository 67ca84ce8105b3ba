"""`kb/data/sectors.yaml`: PLOVER sector codes and the cue words that signal them.

A cue marked `title` can stand before a person's name ("President", "opposition leader").
"""

from __future__ import annotations

from functools import lru_cache

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, model_validator

from wirewatch.kb.tables._common import Row, index
from wirewatch.kb.tables._common import key as plain_key

# Lookups on running text ask about the same few thousand terms again and again.
key = lru_cache(maxsize=1 << 16)(plain_key)


class SectorCode(Row):
    code: str = Field(pattern=r"^[A-Z]{3}$")
    label: str
    domestic: bool = False  # acts inside one state: its country is that of its rivals/peers


class Cue(Row):
    cue: str = Field(min_length=2)
    sector: str
    title: bool = False


class Articles(Row):
    """Articles an actor's name is given without ("the Venezuelan military")."""

    words: list[str]


class Table(BaseModel):
    model_config = ConfigDict(extra="forbid")
    codes: list[SectorCode]
    cues: list[Cue]
    articles: Articles
    _cues: dict[str, Cue] = PrivateAttr(default_factory=dict)
    _longest: int = PrivateAttr(default=1)
    _article_prefixes: tuple[str, ...] = PrivateAttr(default=())

    @model_validator(mode="after")
    def _build(self) -> Table:
        known = {c.code for c in self.codes}
        for cue in self.cues:
            if cue.sector not in known:
                raise ValueError(f"cue {cue.cue!r} names unknown sector {cue.sector!r}")
        self._cues = index([(c.cue, c.cue, c) for c in self.cues], "sectors")
        self._longest = max((len(k.split()) for k in self._cues), default=1)
        self._article_prefixes = tuple(
            f"{form} " for word in self.articles.words for form in (word, word.capitalize())
        )
        return self

    def lookup(self, term: str) -> Cue | None:
        """The cue a word or phrase is, also in the plural ("troops", "rebels")."""
        k = key(term)
        for form in (k, k[:-1] if k.endswith("s") else "", k[:-2] if k.endswith("es") else ""):
            if form and form in self._cues:
                return self._cues[form]
        return None

    def cue_in(self, phrase: str) -> Cue | None:
        """The longest cue inside a phrase; among equals the rightmost, which in an English
        noun phrase is nearer the head ("Venezuelan military official" has "military
        official" if listed, else "official")."""
        words = key(phrase).split()
        for size in range(min(self._longest, len(words)), 0, -1):
            for start in range(len(words) - size, -1, -1):
                hit = self.lookup(" ".join(words[start : start + size]))
                if hit:
                    return hit
        return None

    def domestic(self, code: str | None) -> bool:
        return any(c.code == code and c.domestic for c in self.codes)

    def titles(self) -> list[str]:
        return [c.cue for c in self.cues if c.title]

    def without_article(self, text: str) -> str:
        """A noun phrase as a name: stripped, without a leading article ("the", "The")."""
        text = text.strip()
        for prefix in self._article_prefixes:
            if text.startswith(prefix):
                return text[len(prefix) :]
        return text
