"""Schema and lookups for `kb/data/events.yaml`: event triggers, cues and motion verbs, and
the words the events and movements steps read off the parse around them."""

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
    """Words or phrases in the order given."""

    words: list[str]
    source: str


class WordSet(_Strict):
    """Words a rule tests a token against (order does not matter)."""

    words: frozenset[str]
    source: str


class LightVerbs(_Strict):
    words: list[str]
    # Verbs that stay light with these particles ("carried out an airstrike"); with any
    # other particle a verb is phrasal and no light verb ("holding up aid").
    phrasal: dict[str, frozenset[str]] = Field(default_factory=dict)
    source: str


class Negation(_Strict):
    words: list[str]  # clausal and determiner negation ("not", "no troops")
    adverbs: frozenset[str]  # an adverb that negates its verb ("never")
    pronouns: frozenset[str]  # a participant that is no one ("nobody")
    source: str


class PlaceWords(_Strict):
    """Where an act happened, read from its prepositional phrases."""

    preps: frozenset[str]  # "in/at/near X" locates the act
    destination_preps: frozenset[str]  # a deployment or delivery happens where it goes
    loose_preps: frozenset[str]  # tried after the others ("the embassies of X")
    heads: frozenset[str]  # generic heads whose "of" phrase is the place ("the island of X")
    source: str


class PairWords(_Strict):
    """ "The two sides agreed", "called on both": the parties of the latest two-party act."""

    words: frozenset[str]  # heads that can stand for the two parties
    counts: frozenset[str]  # modifiers that make them two ("the two sides")
    alone: frozenset[str]  # words that name both parties by themselves ("both")
    source: str


class Determiners(_Strict):
    definite: frozenset[str]  # a definite noun tells an act told before ("the raids")
    indefinite: frozenset[str]  # an indefinite noun tells a new one ("a drone strike")
    antecedent: frozenset[str]  # a noun with these points back to the same word before
    source: str


class Auxiliaries(_Strict):
    past_passive: frozenset[str]  # "a ceasefire was declared", not "is banned"
    perfect: frozenset[str]  # "has struck": done
    present_passive: frozenset[str]  # "are conducted": a standing practice
    source: str


class Pronouns(_Strict):
    speaker: frozenset[str]  # a reported clause's subject standing for the speaker
    relative: frozenset[str]  # a relative clause's subject standing for its antecedent
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
    # "regularly fly to X": a habit, no one act; "was prevented from sailing": not done.
    habitual: frozenset[str] = frozenset()
    preventing: frozenset[str] = frozenset()
    alternatives: frozenset[str] = frozenset()  # "instead of flying to X": not done
    source: str


class MotionClass(_Strict):
    lemmas: list[str]
    preps: dict[str, RoutePoint]
    object: RoutePoint | None = None  # what a direct object marks ("left Niger": origin)
    # "take" counts only with "off"; "set" with "off" or "out" (a list: any of them).
    particles: dict[str, str | list[str]] = Field(default_factory=dict)


class Motion(_Strict):
    model_config = ConfigDict(extra="forbid", ignored_types=(cached_property,))

    classes: dict[str, MotionClass]
    home_words: list[str]
    personnel_words: list[str]
    part_words: frozenset[str] = frozenset()  # "a battalion of the 810th ... Brigade"
    route_words: frozenset[str] = frozenset()  # "bound for X", "on its way to X"
    trip_verbs: frozenset[str] = frozenset()  # "made a hop from X to Y"
    # "dropped anchor off X": a verb and its object that together tell a motion, by class.
    object_idioms: dict[str, str] = Field(default_factory=dict)
    place_object_verbs: dict[str, str] = Field(default_factory=dict)  # "made Alexandria"
    arrived_words: frozenset[str] = frozenset()  # "is now in X": arrived there
    arrived_phrases: frozenset[str] = frozenset()  # "was on the ground in X": arrived there
    # An unknown verb with a preposition of direction to a place moves its asset subject.
    directed_preps: frozenset[str] = frozenset()
    directed_not: frozenset[str] = frozenset()
    trip_nouns: frozenset[str] = frozenset()
    same_route_nouns: frozenset[str] = frozenset()  # "took the same route"
    onward_lemmas: frozenset[str] = frozenset()  # "returned to X": a new leg
    continue_lemmas: frozenset[str] = frozenset()  # "continued on to X": the same trip
    arrival_lemmas: frozenset[str] = frozenset()  # "returned to X on Thursday": the end's date
    return_lemmas: frozenset[str] = frozenset()  # "returned via Algiers": back where it began
    onward_words: frozenset[str] = frozenset()  # "flew on to X", "then sailed to X"
    just_words: frozenset[str] = frozenset()  # "has just landed": on the report's day
    call_lemmas: frozenset[str] = frozenset()  # a port call: a stop when an arrival follows
    divert_lemmas: frozenset[str] = frozenset()  # "was diverted to X": the end changes to X
    due_words: frozenset[str] = frozenset()  # "and is expected in X": where it is going
    shadow_lemmas: frozenset[str] = frozenset()  # "shadowed X through Y": X passed Y too
    here_lemmas: frozenset[str] = frozenset()  # "arrived from X" (no place): where it is told
    extent_words: frozenset[str] = frozenset()  # "as far as X": the trip's end
    call_nouns: dict[str, str] = Field(default_factory=dict)  # "a port call": noun -> word
    end_nouns: dict[str, RoutePoint] = Field(default_factory=dict)  # "its destination was X"
    stay_end_lemmas: frozenset[str] = frozenset()  # "left X ... is waiting off Y": Y ends it
    stay_preps: frozenset[str] = frozenset()  # where a verb of staying puts the asset
    occasion_nouns: frozenset[str] = frozenset()  # "for the BRICS summit": no destination
    unload_lemmas: frozenset[str] = frozenset()  # "unloaded from an An-124": it came too
    question_words: frozenset[str] = frozenset()  # "How did X get to Y?": a trip given
    state_words: frozenset[str] = frozenset()  # "still anchored off X": no arrival
    news_days: int = 3  # a leg older than this before its report is background
    flight_days: int = Field(default=1, ge=0)  # a non-stop flight's end within this of its start
    collective_words: frozenset[str] = frozenset()  # "a pair of Su-34 jets"
    group_nouns: dict[str, str] = Field(default_factory=dict)  # "the taskforce": its kind
    member_verbs: frozenset[str] = frozenset()  # "the flotilla consisting of X and Y"
    carry_lemmas: frozenset[str] = frozenset()  # "the convoy carrying the S-400 system"
    escort_lemmas: frozenset[str] = frozenset()  # "accompanied by the oiler X": came along
    convoy_lemmas: frozenset[str] = frozenset()  # "was escorted by X": X made the whole trip
    # Of those, the verbs of keeping watch: an escort of another country told with them
    # ("was escorted by Italian F-35s", "shadowed by HMS Tyne") kept watch, not company.
    watch_lemmas: frozenset[str] = frozenset()
    carrier_kinds: frozenset[str] = frozenset()  # "a C-17 delivered X": the craft goes too
    munition_nouns: frozenset[str] = frozenset()  # "carrying Patriot interceptors": payload
    with_preps: frozenset[str] = frozenset()  # "landed with the first BrahMos batteries"
    component_nouns: frozenset[str] = frozenset()  # "carrying the first components" (of X)
    cargo_cues: frozenset[str] = frozenset()  # "four NH90s are embarked": the craft's trip
    company_cues: frozenset[str] = frozenset()  # "two destroyers were in company": the same
    follow_lemmas: frozenset[str] = frozenset()  # "a second An-124 followed": the same trip
    en_route_words: frozenset[str] = frozenset()  # "called at X on the way": X is a stop
    en_route_preps: frozenset[str] = frozenset()  # "on the way", "en route", "along the way"
    # A trip told with no verb ("RCH842, a C-5M, in from Dover"): the words that tell one,
    # and the route point each word after the asset marks.
    # "is berthed at Jinhae": a present passive of these tells where an asset is, not a trip
    # (unless a word of change says it has just come: "is now anchored off Tobruk").
    rest_lemmas: frozenset[str] = frozenset()
    stay_lemmas: frozenset[str] = frozenset()  # "remain at the Lomé port": no trip yet
    change_words: frozenset[str] = frozenset()
    verbless_cues: frozenset[str] = frozenset()
    verbless_preps: dict[str, RoutePoint] = Field(default_factory=dict)
    # Cues of a departure: the place after them is where a trip began, news with no end told
    # ("EW-78843 airborne from UMMS, destination unknown").
    verbless_departures: frozenset[str] = frozenset()
    witness_lemmas: frozenset[str] = frozenset()  # "shows the ship underway": seen, not carried
    back_words: frozenset[str] = frozenset()  # "was back in Portsmouth": a trip home
    there_words: frozenset[str] = frozenset()  # "landed there": the place named last
    source_words: frozenset[str] = frozenset()  # "according to X": a source, not a route
    # Nouns that tell a trip ("the transfer of X to Y", "the frigate's arrival in Tartus"),
    # by motion class; their movers are in `trip_event_preps` phrases or the owner.
    trip_events: dict[str, str] = Field(default_factory=dict)
    trip_event_preps: frozenset[str] = frozenset()
    # Trip nouns after a light verb that tell an arrival, not a whole trip ("made the first
    # landing at X"); other trip nouns travel ("made a hop from X to Y").
    trip_noun_classes: dict[str, str] = Field(default_factory=dict)
    unreal_modifiers: frozenset[str] = frozenset()  # "the planned deployment": no trip yet
    # "A second flight to X was called off": a trip the clause undoes (lemma -> particle).
    cancel_verbs: dict[str, str] = Field(default_factory=dict)
    means_nouns: frozenset[str] = frozenset()  # "by road from X": the route hangs off it
    chain_preps: frozenset[str] = frozenset()  # "from X to Y": "to" continues the route
    route_marks: frozenset[str] = frozenset()  # "flew Moscow–Tehran–Damascus": between stops
    means_preps: frozenset[str] = frozenset()  # "by road", "aboard a Boeing 787"
    time_links: frozenset[str] = frozenset()  # "on 14 December, when ..."
    same_words: frozenset[str] = frozenset()  # "took the same route"
    retell_marks: frozenset[str] = frozenset()  # "since it left X": a retold trip
    group_words: list[str]
    # Back-reference nouns by the role or type they name ("tanker", "frigate").
    role_nouns: dict[str, list[str]] = Field(default_factory=dict)
    aboard_words: list[str]  # "the officers left aboard a Boeing 787": the plane moves
    generic_kinds: dict[str, list[str]]  # back-reference nouns by the asset kind they mean

    @cached_property
    def generic_assets(self) -> frozenset[str]:
        """Every noun that refers back to an asset, of any kind."""
        return frozenset(w for words in self.generic_kinds.values() for w in words)

    @cached_property
    def _noun_roles(self) -> dict[str, str]:
        return {w: role for role, words in self.role_nouns.items() for w in words}

    def role_meant(self, noun: str) -> str | None:
        """The role or type a back-reference noun names ("tankers": tanker), or None."""
        return self._noun_roles.get(noun)

    def kinds_meant(self, noun: str) -> frozenset[str]:
        """The asset kinds a back-reference noun can mean ("tanker": aircraft or ship)."""
        if noun in self.single_pronouns:
            return frozenset(self.single_pronouns[noun])
        return frozenset(k for k, words in self.generic_kinds.items() if noun in words)

    # "to refuel the pair over the North Sea": a purpose clause's place is the trip's, by
    # these prepositions; on the task's object only by those of the asset's own position.
    purpose_preps: frozenset[str]
    overhead_preps: frozenset[str]
    stop_preps: frozenset[str]  # "a refuelling stop at Benina"
    companion_preps: frozenset[str]  # "the An-124, along with an Il-62M, arrived"
    unit_preps: frozenset[str]  # "2,000 paratroopers from the 82nd Airborne Division"
    # Back-references to assets: determiners that make a generic noun plural ("both
    # aircraft"), point back to a group ("the planes") or to the latest asset ("the plane").
    plural_cues: frozenset[str]
    group_cues: frozenset[str]
    single_cues: frozenset[str]
    # Pronouns for the latest asset, with the kinds each can mean (none: any kind): "it", and
    # "she" for a ship in naval writing.
    single_pronouns: dict[str, list[str]]
    same_in_both_numbers: frozenset[str]  # "the aircraft": singular or plural by its verb
    count_words: dict[str, int]  # "two Tu-95s": how many assets
    instance_words: dict[str, int] = Field(default_factory=dict)  # "a second An-124"
    member_words: dict[str, int] = Field(default_factory=dict)  # "one ... the other"
    owner_preps: frozenset[str] = frozenset()  # "an Il-76 of the Russian Aerospace Forces"
    owner_verbs: frozenset[str] = frozenset()  # "a C-130 belonging to the Egyptian Air Force"
    definite_words: frozenset[str] = frozenset()  # "the Il-76": one named before
    source: str

    @cached_property
    def verb_lemmas(self) -> frozenset[str]:
        """Every lemma of every motion class."""
        return frozenset(lemma for cls in self.classes.values() for lemma in cls.lemmas)

    @cached_property
    def _place_objects(self) -> frozenset[str]:
        return frozenset(
            lemma for c in self.classes.values() if c.object is not None for lemma in c.lemmas
        )

    @cached_property
    def _route_preps(self) -> dict[str, frozenset[str]]:
        out: dict[str, set[str]] = {}
        for cls in self.classes.values():
            for lemma in cls.lemmas:
                out.setdefault(lemma, set()).update(
                    w for w, role in cls.preps.items() if role != "date"
                )
        return {lemma: frozenset(words) for lemma, words in out.items()}

    def takes_place_object(self, lemma: str) -> bool:
        """A verb whose direct object is a route point ("left Bamako", "reached X")."""
        return lemma in self._place_objects

    def route_preps(self, lemma: str) -> frozenset[str]:
        """The prepositions that mark a route point (not a date) after this verb."""
        return self._route_preps.get(lemma, frozenset())

    def motion_lemma(self, lemma: str, form: str, tag: str) -> str:
        """The lemma a motion verb's past form reads as: the lemmatiser's, or, when that is
        no motion verb, the "-e" reading ("staged" lemmatised as the verb "stag": "stage")."""
        if lemma in self.verb_lemmas or tag not in {"VBD", "VBN"} or not form.endswith("ed"):
            return lemma
        return form[:-1] if form[:-1] in self.verb_lemmas else lemma

    def classes_of(
        self, lemma: str, particles: set[str] | frozenset[str] = frozenset()
    ) -> list[str]:
        """Motion classes a verb lemma belongs to ("fly" is both travel and send); a verb
        that needs a particle ("take off") counts only with it."""
        return [
            name
            for name, cls in self.classes.items()
            if lemma in cls.lemmas
            and (lemma not in cls.particles or bool(_as_set(cls.particles[lemma]) & particles))
        ]


def _as_set(words: str | list[str]) -> set[str]:
    return {words} if isinstance(words, str) else set(words)


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
    light_verbs: LightVerbs
    leader_titles: WordList
    negation: Negation
    hypothetical: Hypothetical
    implicative: WordList
    places: PlaceWords
    pairs: PairWords
    attack_nouns: WordSet
    determiners: Determiners
    auxiliaries: Auxiliaries
    pronouns: Pronouns
    anaphors: WordSet
    cause_preps: WordSet
    setting_preps: WordSet
    temporal_marks: WordSet
    relative_time: WordList
    motion: Motion
    triggers: list[Trigger]

    @model_validator(mode="after")
    def _classes_exist(self) -> Table:
        for trigger in self.triggers:
            for name in (
                trigger.object,
                trigger.complement,
                trigger.subject,
                trigger.cargo,
                trigger.agentless,
            ):
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
            rows.sort(
                key=lambda t: (
                    t.object is None
                    and not t.requires_modifier
                    and t.subject is None
                    and not t.light_with
                    and t.complement is None
                    and t.with_ is None
                    and t.cargo is None
                )
            )
        return index

    def triggers_for(self, lemma: str, pos: str) -> list[Trigger]:
        """Candidate triggers for a word, conditional rows first; PROPN/AUX count as their
        open-class cousins are never triggers."""
        return self._by_lemma.get((lemma.casefold(), pos), [])

    def in_class(self, name: str, word: str) -> bool:
        cls = self.classes.get(name)
        return cls is not None and word.casefold() in cls.words
