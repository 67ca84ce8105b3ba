"""Asset mentions for the movements step: which catalogued asset a noun phrase names, who
operates it ("Russian Air Force An-124" -> RUS MIL), its tail or hull number and count, and
what generic references ("both aircraft", "the planes", "it") point back to."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import cast, get_args

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from wirewatch.extract._syntax import actor_at, actor_for_chars, country_actor, preps
from wirewatch.extract.context import Context, children, sentence
from wirewatch.kb.tables.equipment import EquipmentKind, Match, fold
from wirewatch.kb.tables.equipment import Table as Catalogue
from wirewatch.kb.tables.events import Motion
from wirewatch.model import Actor, Asset
from wirewatch.nlp.equipment_nouns import PREFIX as BY_NOUN


@dataclass
class Mention:
    key: str  # one track per asset family and identifier
    asset: Asset
    token: Token  # the phrase head, for the parse
    identifiers: list[str]  # all tail/hull numbers listed with it (one track each)
    # "a second An-124" (2), "another An-124" (-1): one more airframe of the type.
    instance: int | None = None
    definite: bool = False  # "the Il-76": one named before
    vessel: str | None = None  # a ship named in the text ("Admiral Makarov")
    noun: str | None = None  # the type noun written with it ("the destroyer Dena": destroyer)
    ent: SpacySpan | None = None  # the mention's span


def mention_of(ctx: Context, catalogue: Catalogue, ent: SpacySpan) -> Mention | None:
    match = _match(catalogue, ent, ctx.document.text)
    if match is None:
        return None
    motion = ctx.kb.events.motion
    words = motion.count_words
    item = match.item
    head = _np_head(ent.root)
    # The sentence from the context's index (`ent.sent` rebuilds a span on every call), and
    # the words before the designator in its phrase, read once for every use below.
    sent = ctx.sents[ctx.sentence_index(ent.start_char)]
    run = _left_run(ent, sent.start, motion.generic_assets)
    window = ctx.document.text[ent.start_char : min(sent.end_char, ent.end_char + 60)]
    identifiers = catalogue.identifiers_in(window)
    if head.dep_ == "appos" and head.head.i < head.i:
        # "RF-78830, also an Il-76MD, left": the type in apposition to a registration.
        before = head.head
        identifiers = catalogue.identifiers_in(before.text) + identifiers
    identifier = identifiers[0] if identifiers else None
    reporting = (
        item.reporting_name
        if any(t.lower_ == (item.reporting_name or "").casefold() for t in ent)
        else None
    )
    navy = _navy_actor(ctx, match.navy) if match.navy else None
    operator = _operator(ctx, run) or navy or _owner_after(ctx, motion, head)
    if match.vessel is not None and _registration(catalogue, match.vessel):
        return None  # "its sister ship RA-76845": an aircraft's registration, no ship's name
    if match.vessel is not None:
        # A named ship is an identified asset (spec §3): its name is its identifier (reports
        # write hull numbers in several forms, or not at all); the model is the class once
        # the text gives one (joined in `_movers`), its name until then.
        asset = Asset(
            kind="ship",
            model=match.vessel,
            name=match.vessel,
            identifier=match.vessel,
            operator=operator,
            count=1,
        )
        return Mention(
            key=f"ship|{fold(match.vessel)}",
            asset=asset,
            token=head,
            identifiers=[],
            vessel=match.vessel,
            ent=ent,
            noun=_type_noun(run, ent, sent, motion.generic_assets),
        )
    asset = Asset(
        kind=item.kind,
        model=_bare_model(match.model, _kind_nouns(catalogue, motion.generic_assets)),
        name=item.name,
        reporting_name=reporting or item.reporting_name,
        identifier=identifier,
        operator=operator
        or _navy(ctx, catalogue, ent, sent)
        or registered_operator(ctx, catalogue, identifier),
        count=_count(head, words) or _count_left(run, words),
    )
    return Mention(
        ent=ent,
        key=f"{item.designator}|{identifier or ''}",
        asset=asset,
        token=head,
        identifiers=identifiers,
        instance=_instance(run, motion.instance_words),
        definite=any(t.lower_ in motion.definite_words for t in run),
        noun=_type_noun(run, ent, sent, motion.generic_assets) if item.kind == "ship" else None,
    )


def _registration(catalogue: Catalogue, name: str) -> bool:
    """The name is an aircraft's registration mark and nothing else ("RA-76845")."""
    found = catalogue.identifier_kinds_in(name)
    return len(found) == 1 and found[0] == (name.strip(), "registration")


def _kind_nouns(catalogue: Catalogue, generic: frozenset[str]) -> Callable[[str], bool]:
    """Whether a word is a noun of a kind of equipment ("jets", "howitzer")."""
    by_noun = catalogue.by_noun
    return lambda word: word in generic or (by_noun is not None and bool(by_noun.kind_of(word)))


def _bare_model(model: str, is_noun: Callable[[str], bool]) -> str:
    """The designator as written without the kind of thing it is ("Leclerc tank", "Leclerc
    main battle tank" -> "Leclerc"): a trailing run of lower-case words ending in a
    generic asset noun is not part of it."""
    words = model.split()
    end = len(words)
    while end > 1 and words[end - 1].islower():
        end -= 1
    if end < len(words) and is_noun(words[-1].casefold()):
        return " ".join(words[:end])
    return model


def _type_noun(
    run: SpacySpan, ent: SpacySpan, sent: SpacySpan, nouns: frozenset[str]
) -> str | None:
    """ "the guided-missile destroyer Dena" -> "destroyer"; "Dena, a destroyer" too."""
    before = [t.lower_ for t in run if t.lower_ in nouns]
    if before:
        return before[-1]
    for token in ent.doc[ent.end : min(ent.end + 5, sent.end)]:
        if token.lower_ in nouns:
            return token.lower_
        if token.pos_ in {"VERB", "ADP"}:
            return None  # "HMS Tyne shadowed the corvette X": another ship's noun
    return None


def _instance(run: SpacySpan, words: dict[str, int]) -> int | None:
    """ "A second An-124", "a third", "another": which airframe of the type this is."""
    return next((words[t.lower_] for t in run if t.lower_ in words), None)


def unit_mentions(
    ctx: Context, catalogue: Catalogue, sent: SpacySpan
) -> list[tuple[SpacySpan, Mention]]:
    """Numbered formations in a sentence ("the 82nd Airborne Division"): a unit is an asset
    of its own, named by its designation as written (spec §3)."""
    out = []
    text = ctx.document.text[sent.start_char : sent.end_char]  # `sent.text` joins its tokens
    for start, end in catalogue.units_in(text):
        span = ctx.doc.char_span(
            sent.start_char + start, sent.start_char + end, alignment_mode="expand"
        )
        if span is None:
            continue
        model = text[start:end]
        run = _left_run(span, sent.start, ctx.kb.events.motion.generic_assets)
        asset = Asset(kind="unit", model=model, operator=_operator(ctx, run))
        # The phrase's syntactic head ("Division"), so "the division" and clauses find it.
        out.append(
            (span, Mention(key=f"unit|{fold(model)}", asset=asset, token=span.root, identifiers=[]))
        )
    return out


def _match(catalogue: Catalogue, ent: SpacySpan, text: str) -> Match | None:
    """The catalogue item of an EQUIPMENT span, dropping a trailing reporting name; else
    the aircraft type it names by name ("Rafale jets"), else the ship it names; a model
    known by the noun after it carries its kind and model in the span's `kb_id`."""
    by_noun = _by_noun(catalogue, ent)
    if by_noun is not None:
        return by_noun
    for end in range(ent.end, ent.start, -1):
        match = catalogue.lookup(ent.doc[ent.start : end].text)
        if match is not None:
            return match
    before = ent.doc[ent.start - 1].text if ent.start > 0 else ""
    named_as = f"{before} {ent.text}" if catalogue.navy_of(before) else ent.text
    vessel = catalogue.vessel_match(named_as)
    if vessel is not None and vessel.navy is not None:
        return vessel  # "NNS Thunder": a navy's prefix names a ship, whatever else "Thunder" is
    named = catalogue.type_name_at(text, ent.start_char, ent.end_char)
    # A popular name the ruler kept because its designator is in the text ("Typhon") names
    # that item, not a ship; the model is the name as written.
    popular = catalogue.lookup_name(ent.text)
    if named is None and popular is not None:
        named = Match(popular.item, " ".join(ent.text.split()))
    return named or vessel


def _by_noun(catalogue: Catalogue, ent: SpacySpan) -> Match | None:
    """ "six D-30 howitzers": the kind and model nlp/equipment_nouns.py put on the span."""
    if not ent.kb_id_.startswith(BY_NOUN) or catalogue.by_noun is None:
        return None
    kind, _, model = ent.kb_id_[len(BY_NOUN) :].partition(":")
    if kind not in get_args(EquipmentKind):
        return None
    return catalogue.made(cast(EquipmentKind, kind), model, catalogue.by_noun.source)


def _navy_actor(ctx: Context, iso3: str) -> Actor:
    found = ctx.kb.countries.by_iso3(iso3)
    return Actor(name=f"{found.name if found else iso3} navy", country=iso3, sector="MIL")


def _np_head(token: Token) -> Token:
    """ "An-124" in "an An-124 Condor heavy transport plane" modifies "plane": use the noun."""
    while (
        token.dep_ in {"compound", "nmod", "amod"}
        and token.head.i != token.i
        and token.head.pos_ in {"NOUN", "PROPN"}
    ):
        token = token.head
    return token


def _left_run(ent: SpacySpan, sent_start: int, nouns: frozenset[str]) -> SpacySpan:
    """The words just before a designator in its noun phrase ("two US Air Force")."""
    start = ent.start
    while start > sent_start and ent.start - start < 8:
        prev = ent.doc[start - 1]
        if (
            prev.is_punct
            or prev.is_space  # a line break: a headline or dateline ends there
            or (
                prev.pos_ in {"VERB", "AUX", "ADP", "CCONJ", "SCONJ", "PRON"}
                # "the Russian frigate Admiral Essen": the tagger can take an asset noun
                # (kb/data/events.yaml generic_kinds) for a verb
                and prev.lower_ not in nouns
            )
        ):
            break
        start -= 1
    return ent.doc[start : ent.start]


def _operator(ctx: Context, span: SpacySpan) -> Actor | None:
    """The operator named before the designator in its noun phrase (`span`)."""
    if not len(span):
        return None
    actor = actor_for_chars(ctx, span.start_char, span.end_char) or country_actor(ctx, span)
    if actor is None:
        return None
    # A military asset's operator is a military body unless the text says otherwise.
    return actor if actor.sector else actor.model_copy(update={"sector": "MIL"})


def _owner_after(ctx: Context, motion: Motion, head: Token) -> Actor | None:
    """ "An Il-76 of the Russian Aerospace Forces", "a C-130 belonging to the Egyptian Air
    Force", "a tanker operated by the Royal Navy": the operator named after the asset."""
    objects = [o for w, o in preps(head) if w in motion.owner_preps]
    for clause in (c for c in children(head) if c.dep_ == "acl"):
        if clause.lemma_.casefold() in motion.owner_verbs:
            objects += [o for w, o in preps(clause) if w in {"to", "by"}]
    for obj in objects:
        if ctx.place_at(obj.idx, obj.idx + len(obj)) is not None:
            continue  # "a KC-135 from RAF Mildenhall": its base, not its owner
        actor = actor_at(ctx, obj)
        if actor is not None and actor.country:
            return actor if actor.sector else actor.model_copy(update={"sector": "MIL"})
    return None


def registered_operator(ctx: Context, catalogue: Catalogue, identifier: str | None) -> Actor | None:
    """ "An An-124, RA-82038, ...": with no operator named, the state its registration mark
    belongs to (the state of registry, which for state aircraft is the operator's)."""
    iso3 = catalogue.registration_country(identifier) if identifier else None
    found = ctx.kb.countries.by_iso3(iso3) if iso3 else None
    return Actor(name=found.name, country=iso3) if found is not None and iso3 else None


def _navy(ctx: Context, catalogue: Catalogue, ent: SpacySpan, sent: SpacySpan) -> Actor | None:
    """A ship named with its navy's prefix near the class name ("USS Ralph Johnson, an
    Arleigh Burke-class destroyer") is operated by that navy."""
    # Only the tokens within 8 of the designator can qualify: walk just those, in order.
    for token in sent.doc[max(sent.start, ent.start - 8) : min(sent.end, ent.start + 9)]:
        if abs(token.i - ent.start) > 8 or not token.text.isupper():
            continue
        country = catalogue.navy_of(token.text)
        if country and token.i + 1 < sent.end and token.nbor(1).is_title:
            found = ctx.kb.countries.by_iso3(country)
            name = f"{found.name if found else country} navy"
            return Actor(name=name, country=country, sector="MIL")
    return None


def _count(head: Token, words: dict[str, int]) -> int | None:
    return next(
        (n for c in children(head) if c.dep_ == "nummod" and (n := _number(c, words))), None
    )


def _count_left(run: SpacySpan, words: dict[str, int]) -> int | None:
    return next((n for t in run if t.like_num and (n := _number(t, words))), None)


def _number(token: Token, words: dict[str, int]) -> int | None:
    try:
        return int(token.text.replace(",", ""))
    except ValueError:
        return words.get(token.lower_)


def is_generic_plural(token: Token, motion: Motion) -> bool:
    """ "Both aircraft", "the planes", "the two bombers": a back-reference to a group."""
    generic = motion.generic_assets
    if token.lemma_.casefold() not in generic and token.lower_ not in generic:
        return False
    kids = [c for c in children(token) if c.dep_ in {"det", "nummod", "predet"}]
    cues = {c.lower_ for c in kids}
    # ("the five aircraft": a count of two or more makes any noun plural)
    counted = any((_number(c, motion.count_words) or 0) > 1 for c in kids if c.dep_ == "nummod")
    plural = token.tag_ in {"NNS", "NNPS"} or bool(cues & motion.plural_cues) or counted
    return plural and bool(cues & motion.group_cues)


def bare_count(token: Token, motion: Motion) -> int | None:
    """ "All five landed at Fetesti", "the two sailed on": a number standing for the
    assets told of, with a word that points back to them; how many it counts."""
    if token.pos_ != "NUM" or token.head.i == token.i or token.dep_ == "nummod":
        return None
    if not any(
        c.dep_ in {"det", "predet"} and c.lower_ in motion.group_cues for c in children(token)
    ):
        return None
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in children(token)):
        return None  # "two of the jets": the "of" phrase names them
    return _number(token, motion.count_words)


def is_generic_single(token: Token, motion: Motion) -> bool:
    """ "it", "the plane", "the aircraft" (and "she" for a ship): a back-reference to the
    latest asset."""
    if token.lower_ in motion.single_pronouns:
        return token.pos_ == "PRON" and not _person_near(token)
    cues = {c.lower_ for c in children(token) if c.dep_ == "det"}
    return (
        token.lower_ in motion.generic_assets
        and token.tag_ == "NN"
        and bool(cues & motion.single_cues)
    )


def _person_near(pronoun: Token) -> bool:
    """A person named in the pronoun's sentence or the one before: "she" may be them."""
    if pronoun.lower_ == "it":
        return False
    start = sentence(pronoun).start
    if start > 0:
        start = sentence(pronoun.doc[start - 1]).start
    return any(t.ent_type_ == "PERSON" for t in pronoun.doc[start : pronoun.i])
