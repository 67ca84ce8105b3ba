"""Schema and lookups for `kb/data/events.yaml`: event triggers, cues and motion verbs."""

from __future__ import annotations

from functools import cached_property
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from wirewatch.model.vocab import PloverType

RoutePoint = Literal["origin", "via", "destination", "date"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class WordClass(_Strict):
    words: list[str]
    equipment: bool = False  # an EQUIPMENT entity also belongs to the class
    source: str


class WordList(_Strict):
    words: list[str]
    source: str


class Hypothetical(_Strict):
    modals: list[str]
    governors: list[str]
    markers: list[str]
    modifiers: list[str]
    source: str


class MotionClass(_Strict):
    lemmas: list[str]
    preps: dict[str, RoutePoint]
    object: RoutePoint | None = None  # what a direct object marks ("left Niger": origin)
    particles: dict[str, str] = Field(default_factory=dict)  # "take" counts only with "off"


class Motion(_Strict):
    classes: dict[str, MotionClass]
    home_words: list[str]
    personnel_words: list[str]
    group_words: list[str]
    aboard_words: list[str]  # "the officers left aboard a Boeing 787": the plane moves
    generic_assets: list[str]
    source: str

    def classes_of(self, lemma: str, particles: set[str] | frozenset[str] = frozenset()) \
            -> list[str]:
        """Motion classes a verb lemma belongs to ("fly" is both travel and send); a verb
        that needs a particle ("take off") counts only with it."""
        return [name for name, cls in self.classes.items() if lemma in cls.lemmas
                and (lemma not in cls.particles or cls.particles[lemma] in particles)]


class Trigger(_Strict):
    lemma: str
    pos: Literal["VERB", "NOUN"]
    event: PloverType
    mode: str | None = None
    cameo: str = Field(pattern=r"^(0[1-9]|1[0-9]|20)$")
    with_: str | None = Field(default=None, alias="with")
    object: str | None = None
    actor: list[str] = Field(default_factory=lambda: ["nsubj", "agent"])
    recipient: list[str] = Field(default_factory=list)
    reciprocal: bool = False
    light: bool = False  # a noun whose actor sits on a light verb ("held talks")
    requires_actor: bool = False
    requires_modifier: list[str] = Field(default_factory=list)
    requires_xcomp: bool = False
    # A word class the lemma of a clausal complement must belong to ("vowed to retaliate").
    complement: str | None = None
    subject: str | None = None  # a word class the subject's head must belong to
    light_with: list[str] = Field(default_factory=list)  # noun only with these light verbs
    source: str


class Table(_Strict):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    classes: dict[str, WordClass]
    light_verbs: WordList
    leader_titles: WordList
    negation: WordList
    hypothetical: Hypothetical
    implicative: WordList
    motion: Motion
    triggers: list[Trigger]

    @cached_property
    def _by_lemma(self) -> dict[tuple[str, str], list[Trigger]]:
        index: dict[tuple[str, str], list[Trigger]] = {}
        for trigger in self.triggers:
            index.setdefault((trigger.lemma, trigger.pos), []).append(trigger)
        # Rows with conditions are tried before a plain row of the same word.
        for rows in index.values():
            rows.sort(key=lambda t: t.object is None and not t.requires_modifier
                      and t.subject is None and not t.light_with and t.complement is None
                      and t.with_ is None)
        return index

    def triggers_for(self, lemma: str, pos: str) -> list[Trigger]:
        """Candidate triggers for a word, conditional rows first; PROPN/AUX count as their
        open-class cousins are never triggers."""
        return self._by_lemma.get((lemma.casefold(), pos), [])

    def in_class(self, name: str, word: str) -> bool:
        cls = self.classes.get(name)
        return cls is not None and word.casefold() in cls.words
