"""Where a trigger's actor and recipient stand in the parse (roles named in events.yaml)."""

from __future__ import annotations

from spacy.tokens import Token

from wirewatch.extract._syntax import (
    actor_at,
    parties,
    phrase,
    place_of,
    preps,
    subject_of,
)
from wirewatch.extract.context import Context, children, sentence
from wirewatch.kb.tables.countries import Table as Countries
from wirewatch.kb.tables.events import Table as EventLexicon
from wirewatch.kb.tables.events import Trigger
from wirewatch.model import Actor, Place

# Word lists (pronouns, anaphors, setting prepositions, ...) are the lexicon's:
# kb/data/events.yaml.


def actors_of(ctx: Context, lex: EventLexicon, trigger: Trigger, tok: Token) -> list[Actor]:
    if trigger.pos == "VERB":
        return _resolve(ctx, verb_actor_tokens(lex, tok), lex)
    for holders in _noun_actor_tokens(lex, tok):
        found = _resolve(ctx, holders, lex)
        if found:
            return found
    return []


def recipients_of(
    ctx: Context,
    lex: EventLexicon,
    trigger: Trigger,
    tok: Token,
    actors: list[Actor],
    place: Place | None = None,
) -> list[Actor]:
    holders: list[Token] = []
    verb = light_verb(lex, tok) if trigger.pos == "NOUN" else None
    anchors = [_Anchor(tok)] + ([_Anchor(verb)] if verb is not None else [])
    for role in trigger.recipient:
        for anchor in anchors:
            holders.extend(_role(anchor, role))
    skip = {a.country for a in actors if a.country}
    anaphors = [h for h in holders if _is_anaphor(lex, h)]
    found = _resolve(ctx, [h for h in holders if h not in anaphors], lex, places=True)
    found += [a for h in anaphors if (a := anaphoric_country(ctx, h, skip)) is not None]
    rest = [h for h in holders if h not in anaphors]
    if not any(a.country for a in found):
        found += next(
            (hit for h in rest for a in antecedents(lex, h) if (hit := _resolve(ctx, [a], lex))), []
        )
    if not any(a.country for a in found):
        found += local_actors(ctx, lex, rest, place)
    if not found and trigger.reciprocal:
        # "agreed ... in a phone call with X": the partner hangs off the setting noun.
        inner = [obj for _, obj in preps(tok)]
        inner += [o for obj in inner for _, o in preps(obj)]
        nested = [p for obj in inner for w, o in preps(obj) if w == "with" for p in parties(o)]
        found = _resolve(ctx, nested, lex, places=True)
    return [a for i, a in enumerate(found) if all(_key(a) != _key(b) for b in found[:i])]


def light_verb(lex: EventLexicon, noun: Token) -> Token | None:
    """The verb that carries a noun trigger ("held talks", "took part in consultations")."""
    node, steps = noun, 0
    while (
        node.dep_ in {"dobj", "pobj", "prep", "attr", "conj", "compound", "nsubjpass"} and steps < 5
    ):
        node, steps = node.head, steps + 1
        if node.pos_ in {"VERB", "AUX"} and node.dep_ != "prep":  # "including" is a prep
            # "holding up aid" is not giving it: a phrasal verb is no light verb.
            keeps = lex.light_verbs.phrasal.get(node.lemma_, frozenset())
            phrasal = any(c.dep_ == "prt" and c.lower_ not in keeps for c in children(node))
            light = node.lemma_.casefold() in lex.light_verbs.words and not phrasal
            return node if light else None
    return None


def verb_actor_tokens(lex: EventLexicon, tok: Token, depth: int = 0) -> list[Token]:
    for child in children(tok):
        if child.dep_ == "agent":  # passive: "was attacked by X"
            return [c for c in children(child) if c.dep_ == "pobj"]
    if tok.dep_ == "pcomp" and tok.head.head.i != tok.head.i and depth < 4:
        # "responded by ordering troops": the gerund's doer is the governing verb's subject.
        return verb_actor_tokens(lex, tok.head.head, depth + 1)
    subject = real_subject(tok)
    if subject is not None and subject.lower_ in lex.pronouns.relative and tok.dep_ == "relcl":
        subject = tok.head  # "China, which hosted talks": the relative's antecedent
    if subject is None and tok.dep_ in {"advcl", "conj"} and depth < 4:
        # "by ordering ..., calling the visit"
        return verb_actor_tokens(lex, tok.head, depth + 1)
    if subject is None or any(c.dep_ == "nsubjpass" for c in children(tok)):
        return []
    if subject.lower_ in lex.pronouns.speaker and (speaker := _speaker(subject)) is not None:
        return _named(parties(speaker))
    return _named(_of_parties(subject) or parties(subject))


def real_subject(tok: Token) -> Token | None:
    """The subject, skipping a dateline the parse took for one ("CHISINAU, Moldova —
    Moldova accused": the real subject follows the dash)."""
    subject = subject_of(tok)
    if subject is not None and _before_dateline(subject):
        subject = next(
            (
                c
                for c in children(subject.head)
                if c.dep_ in {"nsubj", "nsubjpass"} and not _before_dateline(c)
            ),
            subject,
        )
    return subject


def _named(holders: list[Token]) -> list[Token]:
    """Holders without the dateline ("SANAA, Yemen — US and British warplanes struck"),
    with each coordinated modifier as a party of its own ("US and British" warplanes)."""
    out = [h for h in holders if not _before_dateline(h)]
    for holder in list(out):
        for child in children(holder):
            if child.dep_ in {"amod", "compound", "nmod"} and any(
                c.dep_ == "conj" for c in children(child)
            ):
                out += [m for m in parties(child) if m not in out and not m.is_punct]
    return out


def _before_dateline(token: Token) -> bool:
    if token.i >= 12:
        return False  # the dash is among the first 12 tokens of the text
    sent = sentence(token)
    if sent.start != 0:
        return False
    dash = next((t.i for t in sent[:12] if t.text in {"—", "–"}), None)
    return dash is not None and token.i < dash


def antecedents(lex: EventLexicon, token: Token) -> list[Token]:
    """ "intercepted the bombers", "asked the coalition": a definite common noun points
    back to earlier mentions of the same word (latest first), which may carry its owner
    ("two US Air Force B-52H bombers", "the US-led coalition")."""
    pointing = lex.determiners.antecedent
    if token.pos_ != "NOUN" or not any(c.lower_ in pointing for c in children(token)):
        return []
    lemma = token.lemma_.casefold()
    return [
        prev
        for prev in reversed(token.doc[: max(0, token.i - 1)])
        if prev.lemma_.casefold() == lemma and prev.pos_ == "NOUN"
    ][:3]


def _speaker(pronoun: Token) -> Token | None:
    """ "Hezbollah said it fired rockets": a pronoun subject of a reported clause is the
    subject of the verb of saying that reports it."""
    node = pronoun.head
    for _ in range(4):
        if node.dep_ == "ccomp" and node.head.i != node.i:
            speaker = subject_of(node.head)
            return speaker if speaker is not None and speaker.pos_ != "PRON" else None
        if node.dep_ not in {"conj", "xcomp"} or node.head.i == node.i:
            return None
        node = node.head
    return None


def _of_parties(subject: Token) -> list[Token]:
    """ "The leaders of Armenia and Azerbaijan signed": a generic head whose "of" phrase
    names the parties."""
    if subject.ent_type_ or subject.pos_ != "NOUN":
        return []
    named = [p for w, obj in preps(subject) if w == "of" for p in parties(obj)]
    return named if named and all(t.ent_type_ in {"GPE", "NORP"} for t in named) else []


def _noun_actor_tokens(lex: EventLexicon, tok: Token) -> list[list[Token]]:
    """Candidate actor holders of a noun trigger, best first: "Russia's deployment",
    "deployment by Russia", "Russian deployment", "Russia held talks"."""
    groups: list[list[Token]] = []
    for child in children(tok):
        if child.dep_ == "poss":
            groups.append(parties(child))
        if child.dep_ == "prep" and child.lower_ == "by":
            groups.append([c for c in children(child) if c.dep_ == "pobj"])
    groups.append([c for c in children(tok) if c.dep_ in {"amod", "compound", "nmod"}])
    # "agreed ... in a phone call with X", "agreed after talks": the governing verb's
    # subject took part.
    verb = light_verb(lex, tok) or setting_verb(lex, tok)
    subject = subject_of(verb) if verb is not None else None
    if subject is not None:
        speaker = _speaker(subject) if subject.lower_ in lex.pronouns.speaker else None
        groups.append(_named(parties(speaker or subject)))
    return groups


def _is_meeting(lex: EventLexicon, tok: Token) -> bool:
    return any(t.event == "CONSULT" for t in lex.triggers_for(tok.lemma_, "NOUN"))


def setting_verb(lex: EventLexicon, tok: Token) -> Token | None:
    """The clause a meeting noun is the occasion of ("agreed after talks in Ankara")."""
    if (
        tok.dep_ != "pobj"
        or tok.head.lower_ not in lex.setting_preps.words
        or not _is_meeting(lex, tok)
    ):
        return None
    node = tok.head.head
    for _ in range(2):  # "agreed to the deployment in a phone call": through one noun
        if node.pos_ == "VERB":
            return node
        if node.dep_ != "pobj":
            return None
        node = node.head.head
    return node if node.pos_ == "VERB" else None


def noun_actor_tokens(lex: EventLexicon, tok: Token) -> list[Token]:
    """Every candidate actor holder of a noun trigger, best first."""
    return [t for group in _noun_actor_tokens(lex, tok) for t in group]


class _Anchor:
    """A token a role is read from, with its children and prepositional phrases read once
    for all the trigger's roles (each read of `children` builds new Token objects)."""

    __slots__ = ("_preps", "children", "token")

    def __init__(self, token: Token) -> None:
        self.token = token
        self.children = children(token)
        self._preps: list[tuple[str, Token]] | None = None

    def preps(self) -> list[tuple[str, Token]]:
        """(preposition, object) on the token and on its direct objects, in that order."""
        if self._preps is None:
            holders = [self.token] + [c for c in self.children if c.dep_ == "dobj"]
            self._preps = [(w, obj) for h in holders for w, obj in preps(h)]
        return self._preps


def _role(anchor: _Anchor, role: str) -> list[Token]:
    if role.startswith("prep:"):
        # "recalled its ambassador from Paris": the phrase may hang off the object.
        word = role.split(":", 1)[1]
        return [p for w, obj in anchor.preps() if w == word for p in parties(obj)]
    if role.startswith("xcomp:"):
        # "threatened to strike Iranian sites": the party sits in the complement clause.
        rest = role.split(":", 1)[1]
        return [
            p
            for c in anchor.children
            if c.dep_ in {"xcomp", "ccomp"}
            for p in _role(_Anchor(c), rest)
        ]
    if role == "poss_of_object":
        return [
            c for o in anchor.children if o.dep_ == "dobj" for c in children(o) if c.dep_ == "poss"
        ]
    if role == "dative":
        out: list[Token] = []
        for child in anchor.children:
            if child.dep_ == "dative":
                objs = [c for c in children(child) if c.dep_ == "pobj"]
                out.extend(p for t in (objs or [child]) for p in parties(t))
        return out
    deps = {"dobj", "oprd"} if role == "dobj" else {role}  # "left Niger" parses as oprd
    return [p for c in anchor.children if c.dep_ in deps for p in parties(c)]


def _resolve(
    ctx: Context, holders: list[Token], lex: EventLexicon, places: bool = False
) -> list[Actor]:
    """Actors the holders name; a bare sector ("military") with no country or entity
    names no one in particular and is dropped. With `places`, a named place stands for
    its country (recipients: "visited Niamey", "shelled a hospital in El Fasher")."""
    out: list[Actor] = []
    for token in holders:
        actor = actor_at(ctx, token) or (place_actor(ctx, token) if places else None)
        if (
            actor is not None
            and actor.country is None
            and (_titled(lex, token) or _titled_elsewhere(ctx, lex, actor))
        ):
            actor = actor.model_copy(update={"country": dateline_country(ctx)})
        if actor is None or not (actor.country or actor.entity):
            continue
        if all(_key(actor) != _key(a) for a in out):
            out.append(actor)
    return out


def local_actors(
    ctx: Context, lex: EventLexicon, holders: list[Token], place: Place | None
) -> list[Actor]:
    """ "Police arrested two men", "students blocked a road", "urged the government": a
    national body or a crowd named without a country belongs to the country where the act
    happened, else to the dateline's country (as a leader named by title does)."""
    words = _local_words(lex)
    local = [
        h
        for h in holders
        if h.dep_ not in {"amod", "compound", "nmod"}
        and any(t.lemma_.casefold() in words or t.lower_ in words for t in phrase(h))
    ]
    if not local:
        return []
    # A crowd is where it gathers; an institution is the dateline country's.
    crowd = lex.in_class("protester_like", local[0].lower_)
    here = place.country if place is not None and place.country else None
    code = (here or dateline_country(ctx)) if crowd else (dateline_country(ctx) or here)
    if not code:
        return []
    return [Actor(name=phrase(local[0]).text, country=code)]


def cause_actors(ctx: Context, lex: EventLexicon, cause: Token, place: Place | None) -> list[Actor]:
    """Who did what an agentless passive names as its cause: "killed in Russian shelling",
    "clashes between police and protesters"; fighting with no side named ("killed in
    fighting in Tripoli") is among local forces, so, as with `local_actors`, the country
    where it happened acts."""
    holders = noun_actor_tokens(lex, cause)
    holders += [p for word, obj in preps(cause) if word == "between" for p in parties(obj)]
    found = _resolve(ctx, holders, lex) or local_actors(ctx, lex, holders, place)
    if found or not lex.in_class("local_fight", cause.lemma_):
        return found
    code = place.country if place is not None else None
    return [Actor(name=phrase(cause).text, country=code)] if code else []


_LOCAL_WORDS: dict[int, tuple[EventLexicon, frozenset[str]]] = {}


def _local_words(lex: EventLexicon) -> frozenset[str]:
    """The words of the local-body and crowd classes, joined once per lexicon."""
    cached = _LOCAL_WORDS.get(id(lex))
    if cached is None or cached[0] is not lex:
        words: set[str] = set()
        for name in ("local_body", "protester_like"):
            cls = lex.classes.get(name)
            words |= set(cls.words) if cls is not None else set()
        cached = _LOCAL_WORDS[id(lex)] = (lex, frozenset(words))
    return cached[1]


def place_actor(ctx: Context, token: Token) -> Actor | None:
    """The country of a place the phrase itself names ("visited Niamey", "the region of
    Transnistria"); a place in a trailing phrase ("the bombers near Kaliningrad") is
    where, not whom."""
    span = phrase(token)
    place = ctx.place_at(span.start_char, span.end_char)
    if place is None and token.pos_ == "NOUN":
        place = next(
            (p for w, o in preps(token) if w == "of" and (p := place_of(ctx, o)) is not None), None
        )
    code = place.country if place is not None else None
    return Actor(name=place.name, country=code) if place is not None and code else None


def _titled(lex: EventLexicon, token: Token) -> bool:
    return any(t.lower_ in lex.leader_titles.words for t in phrase(token))


def _titled_elsewhere(ctx: Context, lex: EventLexicon, actor: Actor) -> bool:
    """Another mention of the same person carries the title ("President Claudia
    Sheinbaum ... Sheinbaum rejected")."""
    entity = next((e for e in ctx.entities if e.id == actor.entity), None)
    if entity is None or entity.kind != "PERSON":
        return False
    # "President Gustavo Petro ... Petro declared": a surname alone is the same person.
    same = [
        e
        for e in ctx.entities
        if e.kind == "PERSON" and (e.id == entity.id or e.name.endswith(" " + entity.name))
    ]
    text = ctx.document.text
    return any(
        set(text[max(0, m.start - 30) : m.start].casefold().split()) & set(lex.leader_titles.words)
        for e in same
        for m in e.mentions
    )


def dateline_country(ctx: Context) -> str | None:
    """The country of the story's dateline ("BOGOTA —", "RIGA, Latvia —"), if any."""
    text = ctx.document.text
    dash = min((i for i in (text.find("—"), text.find(" - ")) if 0 < i < 60), default=-1)
    if dash < 0:
        return None
    countries = ctx.kb.countries
    for place in ctx.places:
        if any(m.end <= dash for m in place.mentions):
            code = place.country or country_code(countries, place)
            if code:
                return code
    return None


def _key(actor: Actor) -> str:
    return f"{actor.country}|{actor.sector}" if actor.country else actor.name.casefold()


def _is_anaphor(lex: EventLexicon, token: Token) -> bool:
    return token.lemma_.casefold() in lex.anaphors.words and any(
        c.lower_ == "the" for c in children(token)
    )


def anaphoric_country(ctx: Context, token: Token, skip: set[str]) -> Actor | None:
    """ "the country" points back to the latest country named before it (other than the
    actor's own: "Russia sent troops to the country")."""
    countries = ctx.kb.countries
    named = []
    for place in ctx.places:
        iso3 = country_code(countries, place)
        if iso3 and iso3 not in skip:
            named += [(m.start, place.name, iso3) for m in place.mentions if m.end <= token.idx]
    if not named:
        return None
    _, name, iso3 = max(named)
    return Actor(name=name, country=iso3)


def country_code(countries: Countries, place: Place) -> str | None:
    """The country a place *is* (not one it lies in)."""
    if place.feature == "country":
        return place.country
    hit = countries.lookup(place.name)
    return hit.iso3 if hit is not None and hit.via in {"name", "alias"} else None
