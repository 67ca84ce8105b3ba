"""Schema and lookups for `kb/data/events.yaml`: event triggers, cues and motion verbs."""

from __future__ import annotations

from functools import cached_property
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

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
    # Verbs that state their object happened: "carried out a planned flight" reports the
    # flight ("planned" means scheduled there), and "a ceasefire was declared" reports a
    # ceasefire even with no party named.
    realizing: list[str] = Field(default_factory=list)
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
    # A word class the cargo must belong to: the object of the verb's "with" phrase ("landed
    # with 20 tonnes of medical supplies") or of a "carrying" phrase on its subject.
    cargo: str | None = None
    # The act is an event even when the text names no party (spec §3: an event may have no
    # actor), if: `passive`, a noun stated as done with no doer ("a ceasefire was declared",
    # "a truce took hold"); else a word class, which for a verb names the cause of an
    # agentless passive ("killed in fighting", not "killed in a crash") and for a noun
    # its kind (itself or a modifier: "an airstrike", "a drone strike", not "a strike").
    agentless: str | None = None
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

    @model_validator(mode="after")
    def _classes_exist(self) -> Table:
        for trigger in self.triggers:
            for name in (trigger.object, trigger.complement, trigger.subject, trigger.cargo,
                         trigger.agentless):
                if name is not None and name != "passive" and name not in self.classes:
                    raise ValueError(f"trigger {trigger.lemma!r}: no word class {name!r}")
        return self

    @cached_property
    def _by_lemma(self) -> dict[tuple[str, str], list[Trigger]]:
        index: dict[tuple[str, str], list[Trigger]] = {}
        for trigger in self.triggers:
            index.setdefault((trigger.lemma, trigger.pos), []).append(trigger)
        # Rows with conditions are tried before a plain row of the same word.
        for rows in index.values():
            rows.sort(key=lambda t: t.object is None and not t.requires_modifier
                      and t.subject is None and not t.light_with and t.complement is None
                      and t.with_ is None and t.cargo is None)
        return index

    def triggers_for(self, lemma: str, pos: str) -> list[Trigger]:
        """Candidate triggers for a word, conditional rows first; PROPN/AUX count as their
        open-class cousins are never triggers."""
        return self._by_lemma.get((lemma.casefold(), pos), [])

    def in_class(self, name: str, word: str) -> bool:
        cls = self.classes.get(name)
        return cls is not None and word.casefold() in cls.words
