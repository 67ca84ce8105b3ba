"""Who moves: asset mentions indexed into per-asset tracks, and the movers of a motion
clause (its subject, "along with" partners, the object of "sent", "both aircraft", "it",
or an airframe picked by its tail number)."""

from __future__ import annotations

import copy

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from wirewatch.extract._assets import (
    Mention,
    bare_count,
    is_generic_plural,
    is_generic_single,
    mention_of,
    unit_mentions,
)
from wirewatch.extract._references import (
    aliased,
    has_role,
    named_as_one,
    note_aliases,
    note_nationalities,
    operated_by,
    several,
)
from wirewatch.extract._state import State
from wirewatch.extract._syntax import actor_at, clause_verb, parties, preps, subject_of
from wirewatch.extract._tracks import Track
from wirewatch.extract.context import Context, children, sentence
from wirewatch.kb.tables.equipment import Table as Catalogue
from wirewatch.kb.tables.equipment import fold
from wirewatch.kb.tables.events import Motion
from wirewatch.kb.tables.events import Table as EventLexicon


def index_mentions(ctx: Context, catalogue: Catalogue, sent: SpacySpan, state: State) -> None:
    found = [
        m
        for ent in ctx.ents_in(sent)  # `sent.ents` would rebuild every entity span
        if ent.label_ == "EQUIPMENT"
        and (m := mention_of(ctx, catalogue, ent)) is not None
        and not _shore_base(ctx, m)
    ]
    # Named ships first: a class written with one ("USS Ralph Johnson, an Arleigh Burke-class
    # destroyer", "the Project 22160 patrol ship Vasily Bykov") is that ship's class.
    ships = [m for m in found if m.vessel is not None]
    for mention in sorted(found, key=lambda m: m.vessel is None):
        classed = _classed_ships(mention, ships, state) if mention.vessel is None else []
        tracks = classed or _tracks_of(state, mention)
        if mention.noun is not None:
            state.noun.setdefault(mention.key, mention.noun)
        written = ctx.kb.events.motion.role_meant(mention.noun or mention.token.lower_)
        if written is not None:
            for track in tracks:
                state.role.setdefault(track.key, written)
        for track in tracks:
            if len(tracks) == 1 and named_as_one(mention):
                state.single.add(track.key)
            else:
                state.single.discard(track.key)
        for ship in classed:
            if ship.asset.model == ship.asset.name:
                ship.asset = ship.asset.model_copy(update={"model": mention.asset.model})
        if len(tracks) == 1:
            note_aliases(ctx, catalogue, mention, tracks[0], sent, state)
        start = mention.ent.start if mention.ent is not None else mention.token.i
        state.mentioned(tracks, sent.start, start)
        for token in [*(mention.ent or []), mention.token]:
            state.by_token[token.i] = tracks
    for span, mention in unit_mentions(ctx, catalogue, sent):
        tracks = _tracks_of(state, mention)
        state.mentioned(tracks, sent.start, span.start)
        for token in span:
            state.by_token.setdefault(token.i, tracks)
    note_nationalities(ctx, sent, state)
    _note_subject(ctx, sent, state)


def _note_subject(ctx: Context, sent: SpacySpan, state: State) -> None:
    """The one asset named as a subject in the sentence, kept for "it" (with several, or
    a plural, the pronoun is left to the asset named last)."""
    subjects: list[Track] = []
    for i in range(sent.start, sent.end):
        head = ctx.tokens[i]
        while head.dep_ in _NAME_PARTS and head.head.i != head.i:
            head = head.head
        if head.dep_ in _SUBJECTS:
            for track in state.by_token.get(i, []):
                if track not in subjects and head.lower_ not in _PRONOUNS:
                    subjects.append(track)
    state.subject_age += 1
    if len(subjects) == 1 and (subjects[0].asset.count or 1) == 1:
        state.subject, state.subject_age = subjects[0], 0
    elif subjects or state.subject_age > 1:
        state.subject = None  # (several subjects, or one named two sentences back)


_NAME_PARTS = frozenset({"compound", "flat", "appos", "amod", "nmod", "nummod"})
_PRONOUNS = frozenset({"it", "she", "they", "which", "that"})


_SHORE = frozenset({"base", "port", "airbase"})


def _shore_base(ctx: Context, mention: Mention) -> bool:
    """ "berthed at HMAS Stirling": a shore establishment named like a ship, which the
    places step resolved to a base, is where ships go, not one of them."""
    if mention.vessel is None or mention.ent is None:
        return False
    place = ctx.place_at(mention.ent.start_char, mention.ent.end_char)
    return place is not None and place.lat is not None and place.feature in _SHORE


_IS_A = ({"is", "was", ","}, {"a", "an", "the"})


def _said_of(between: SpacySpan) -> bool:
    """ "PNS TAIMUR is a Tughril-class frigate", "HMS Tyne, a River-class patrol ship": the
    words between a ship's name and a class say the class is the ship's, however parsed."""
    words = [t.lower_ for t in between]
    return len(words) == 2 and words[0] in _IS_A[0] and words[1] in _IS_A[1]


def _one_of(head: Token, ship: Token) -> bool:
    """ "ENS Gamal Abdel Nasser, one of Egypt's two Mistral-class helicopter carriers", "the
    first of four Gepard-class frigates": a class in the "of" phrase of a word of number in
    apposition to the ship."""
    of = head.head
    if head.dep_ != "pobj" or of.lower_ != "of":
        return False
    part = of.head
    return (
        part.dep_ == "appos"
        and part.head.i == ship.i
        and (part.pos_ == "NUM" or part.tag_ == "JJ" or part.lower_ in {"one", "first", "last"})
    )


def _described(head: Token) -> list[Token]:
    """The nouns a class phrase is said of: the subject of "is a <class>" or of "belongs to
    the <class>", the noun a class is in apposition to."""
    verb = head.head
    if head.dep_ == "attr":
        return [c for c in children(verb) if c.dep_ == "nsubj"]
    if head.dep_ == "appos":
        return [verb]
    if head.dep_ == "pobj" and verb.head.lemma_ == "belong":
        return [c for c in children(verb.head) if c.dep_ == "nsubj"]
    return []


def _classed_ships(mention: Mention, ships: list[Mention], state: State) -> list[Track]:
    """The named ships a class mention describes: one (see `_classed_ship`), or, for a
    counted definite plural ("The two Bayraktar-class ships left Mersin"), as many of the
    latest ships named without a class."""
    first = _classed_ship(mention, ships, state)
    if first is None:
        return []
    count = mention.asset.count or 1
    if count < 2 or not mention.definite or mention.token.tag_ not in {"NNS", "NNPS"}:
        return [first]
    others = [
        t
        for t in reversed(state.history)
        if t is not first and t.asset.kind == "ship" and t.asset.model == t.asset.name
    ]
    return [first, *others[: count - 1]]


def _classed_ship(mention: Mention, ships: list[Mention], state: State) -> Track | None:
    """The named ship a class mention describes: in its noun phrase, in apposition, as the
    subject of "is a", or, written "the <class> vessel", the latest ship named without a
    class."""
    if mention.asset.kind != "ship" or mention.ent is None:
        return None
    head, ent = mention.token, mention.ent
    # The closest tie wins: the class's own phrase ("the Renhai-class destroyer Lhasa"),
    # then an apposition, then "is a" (a list of ships can parse as appositions).
    ties: list[tuple[int, Mention]] = []
    for ship in ships:
        if ship.ent is None:
            continue
        other = ship.token
        gap = ship.ent.start - ent.end
        if other.i == head.i or (
            0 <= gap <= 3
            and all(t.is_lower or t.is_punct for t in ent.doc[ent.end : ship.ent.start])
        ):
            ties.append((0, ship))
        elif (
            (other.dep_ == "appos" and other.head.i == head.i)
            or (head.dep_ == "appos" and head.head.i == other.i)
            # "the destroyer ARA Sarandí (D13), a MEKO 360 ship": two appositions of one noun
            or (head.dep_ == "appos" and other.dep_ == "appos" and head.head.i == other.head.i)
            or _said_of(ent.doc[ship.ent.end : ent.start])
            or _one_of(head, other)
        ):
            ties.append((1, ship))
        elif head.dep_ == "attr" and any(
            c.dep_ == "nsubj" and c.i in range(ship.ent.start, ship.ent.end + 1)
            for c in children(head.head)
        ):
            ties.append((2, ship))
    if ties:
        return state.tracks.get(min(ties, key=lambda t: t[0])[1].key)
    # "Nanning is a Type 052D destroyer and Sanya a Type 054A frigate", "Weishanhu belongs
    # to the Type 903A class": the name the class is said of, a ship told of before (the
    # model may take a ship's name for a city there).
    for anchor in _described(head):
        named = anchor.doc[anchor.left_edge.i : anchor.i + 1].text
        # "PNS TAIMUR is a Tughril-class frigate": the track is keyed without the prefix.
        vessel = state.catalogue.vessel_match(named)
        for name in (named, vessel.vessel if vessel is not None and vessel.vessel else named):
            told = state.tracks.get(f"ship|{fold(name)}")
            if told is not None:
                return told
    if mention.definite:
        # "The Moudge-class destroyer": the latest ship without a class, one written with
        # the same type noun first ("the destroyer Dena", not "the base ship Makran").
        noun = mention.noun or head.lower_
        same_noun = [
            t
            for t in reversed(state.history)
            if t.asset.kind == "ship"
            and t.asset.model == t.asset.name
            and state.noun.get(t.key) == noun
        ]
        if same_noun:
            return same_noun[0]
        unclassed = [
            t
            for t in reversed(state.history)
            if t.asset.kind == "ship" and t.asset.model == t.asset.name
        ]
        # "HMS Tyne shadowed the corvette Boikiy and the tanker Kola. The River-class patrol
        # ship ...": a class given later describes the ship whose type was not yet told.
        untyped = [t for t in unclassed if t.key not in state.noun]
        return next(iter(untyped or unclassed), None)
    return None


def _tracks_of(state: State, mention: Mention) -> list[Track]:
    """One track per listed identifier ("tail numbers A and B" are two airframes), and one
    per counted instance ("a second An-124", "another An-124")."""
    if mention.instance is not None and not mention.identifiers:
        family = mention.key.split("|", 1)[0]
        number = mention.instance
        if number < 0:  # "another": one more than those of its type so far
            number = 1 + sum(1 for k in state.tracks if k.split("|", 1)[0] == family)
        key = f"{family}|#{number}" if number > 1 else mention.key
        track = state.tracks.setdefault(key, Track(key, mention.asset))
        _enrich(track, mention)
        first = state.tracks.get(mention.key)
        if track.asset.operator is None and first is not None and first.asset.operator:
            # "A Russian An-124 landed ... a second An-124 followed": one more of the same.
            track.asset = track.asset.model_copy(update={"operator": first.asset.operator})
        return [track]
    if not mention.identifiers and mention.definite:
        # "The Il-76 flew back": a definite mention is the one airframe of its type named so
        # far, identified or not.
        family = mention.key.split("|", 1)[0]
        same = [t for k, t in state.tracks.items() if k.split("|", 1)[0] == family]
        if len(same) == 1:
            _enrich(same[0], mention)
            return same
    if mention.key.startswith("unit|") and mention.key not in state.tracks:
        # "the 12th Infantry Battalion ... the 12th Battalion": a unit's short form.
        longer = [t for t in state.tracks.values() if _unit_forms(t, mention)]
        if len(longer) == 1:
            return longer
    if len(mention.identifiers) < 2:
        unidentified = mention.key.endswith("|")  # not a named ship, no identifier
        key = _operated_key(state, mention) if unidentified else mention.key
        track = state.tracks.setdefault(key, Track(key, mention.asset))
        _enrich(track, mention)
        return [track]
    family = mention.key.split("|", 1)[0]
    out = []
    for ident in mention.identifiers:
        asset = mention.asset.model_copy(update={"identifier": ident, "count": 1})
        key = f"{family}|{ident}"
        out.append(state.tracks.setdefault(key, Track(key, asset)))
    return out


def _unit_forms(track: Track, mention: Mention) -> bool:
    """Two designations of one unit: the same number and unit noun, the words of one all
    in the other, in order ("12th Battalion" in "12th Infantry Battalion"; "3rd Battalion"
    in "3rd Battalion, Royal Gurkha Rifles")."""
    if track.asset.kind != "unit" or not track.asset.model or not mention.asset.model:
        return False
    a, b = (m.casefold().split(",")[0].split() for m in (track.asset.model, mention.asset.model))
    short, long = sorted((a, b), key=len)
    if not short or short[0] != long[0] or short[-1] != long[-1]:
        return False
    rest = iter(long)
    return all(word in rest for word in short)


def _operated_key(state: State, mention: Mention) -> str:
    """The track of an unidentified airframe or hull: one per operator ("a German A400M" and
    "a French A400M" are two), where "an A400M" with no operator named is the one of its type
    told last, and the first operator named for an unattributed one is its own."""
    family = mention.key.split("|", 1)[0]
    model = mention.asset.model or family
    unidentified = [
        t
        for t in reversed(state.history)
        if t.key == f"{family}|" or t.key.startswith((f"{family}|@", f"{family}|="))
    ]
    # "four F-16AMs and two F-16BMs": two variants named apart are two assets ("the F-16s"
    # and "the F-16AMs" may be one: the family name fits every variant).
    plain = [t for t in unidentified if _same_variant(t.asset.model or family, model, family)]
    if unidentified and not plain:
        variant = f"{family}|={fold(model)}"
        return variant if mention.asset.operator is None else f"{variant}@{_country(mention)}"
    operator = mention.asset.operator
    country = operator.country if operator is not None else None
    if country is None:
        return plain[0].key if plain else mention.key
    for track in plain:
        named = track.asset.operator
        if named is not None and named.country == country:
            return track.key
    if len(plain) == 1 and plain[0].asset.operator is None:
        return plain[0].key  # "an A400M landed ... the German A400M": the same, now known
    return f"{family}|@{country}"


def name_variants(state: State) -> None:
    """A track known by its family's designator or a name takes the variant written for it,
    when the report writes one variant only ("four F-16AMs and two F-16BMs" keep "F-16")."""
    for track in state.tracks.values():
        if len({fold(v) for v in track.variants}) == 1:
            track.asset = track.asset.model_copy(update={"model": track.variants[0]})


def _more_specific(new: str | None, old: str | None, family: str) -> bool:
    """A designator written for an asset known so far by its family's designator or by a
    name ("F-16" or "Osprey", then "F-16CM" or "MV-22B")."""
    if not new or not old or fold(new) == fold(old) or not any(ch.isdigit() for ch in new):
        return False
    return fold(old) == fold(family) or not any(ch.isdigit() for ch in old)


def _same_variant(a: str, b: str, family: str) -> bool:
    """Two written models can be one asset unless both are designators that differ
    ("F-16AM", "F-16BM"): the family's designator or a name ("Hercules") fits any variant."""
    if fold(a) == fold(b) or fold(family) in {fold(a), fold(b)}:
        return True
    return not all(any(ch.isdigit() for ch in m) for m in (a, b))


def _country(mention: Mention) -> str:
    operator = mention.asset.operator
    return (operator.country if operator is not None else None) or "?"


def _split(state: State, track: Track, identifiers: list[str]) -> list[Track]:
    """A group named with its identifiers later ("The bombers, tail numbers A and B")."""
    family = track.key.split("|", 1)[0]
    state.tracks.pop(track.key, None)
    out = []
    for ident in identifiers:
        key = f"{family}|{ident}"
        clone = Track(
            key,
            track.asset.model_copy(update={"identifier": ident, "count": 1}),
            routes=copy.deepcopy(track.routes),
            returned=track.returned,
            personnel=track.personnel,
        )
        out.append(state.tracks.setdefault(key, clone))
    for token, tracks in state.by_token.items():
        if track in tracks:
            state.by_token[token] = out
    return out


def _enrich(track: Track, mention: Mention) -> None:
    asset, new = track.asset, mention.asset
    updates = {
        k: getattr(new, k)
        for k in ("operator", "identifier", "count")
        if getattr(asset, k) is None and getattr(new, k) is not None
    }
    if new.model and _more_specific(new.model, asset.model, mention.key.split("|", 1)[0]):
        # "US F-16s arrive ... Six F-16CM Fighting Falcons landed": the variant the report
        # names, taken once every mention is in (`name_variants`).
        track.variants.append(new.model)
    if updates:
        track.asset = asset.model_copy(update=updates)


def movers_of(ctx: Context, lex: EventLexicon, verb: Token, state: State, kind: str) -> list[Track]:
    """The assets a motion clause moves: its subject (and "along with" partners), or the
    object of a verb of sending."""
    sender = None
    along: list[Track] = []  # who came along: their operator need not be the movers'
    if kind == "send":
        # Munitions sent or carried are payload ("carrying Patriot interceptors").
        sent = [o for o in _objects(verb) if o.lemma_.casefold() not in lex.motion.munition_nouns]
        tracks = _tracks_in(lex, sent, state)
        subject = subject_of(verb)
        # "A C-17 delivered two HIMARS launchers to Rzeszów", "the howitzers were carried by
        # C-17 transports": a craft that sends or carries makes the trip itself.
        carriers = _tracks_in(lex, _carriers(verb, subject), state)
        # "Troops were airlifted to Riga aboard a CC-177": the craft they went aboard.
        carriers += [
            t
            for t in _tracks_in(
                lex, [o for w, o in preps(verb) if w in lex.motion.aboard_words], state
            )
            if t not in carriers
        ]
        crafts = [t for t in carriers if t.asset.kind in lex.motion.carrier_kinds]
        loads = [t for t in tracks if t not in crafts]
        if loads and crafts:
            # "They had been carried by an Il-76 from Chkalovsky": the craft made the trip
            # its load is told to have made ("The Pantsir systems arrived in Minsk").
            state.escorts.append((loads[0], crafts))
        tracks += crafts
        if not carriers and verb.dep_ == "conj" and not _own_subject(verb):
            # "flew a team from X to Y and took it on to Z": the craft of the first verb.
            carriers = [
                t
                for t in state.by_verb.get(verb.head.i, [])
                if t.asset.kind in lex.motion.carrier_kinds
            ]
            tracks += [t for t in carriers if t not in tracks]
        sender = actor_at(ctx, subject) if subject is not None and not carriers else None
    else:
        holders = []
        companions: list[Token] = []
        for subject in _subjects(verb):
            subject = _antecedent(lex, verb, subject, state)
            holders += parties(subject)
            companions += _companions(lex.motion, subject)
        companions += _escorts_in_clause(lex.motion, verb)
        # "The officers left aboard a chartered Boeing 787": the craft carries them.
        craft = [
            obj
            for head in (verb, *(c for c in children(verb) if c.dep_ == "dobj"))
            for word, obj in preps(head)
            if word in lex.motion.aboard_words and (head is verb or word != "in")
        ]
        holders += craft
        tracks = _tracks_in(lex, holders, state)
        along = [t for t in _tracks_in(lex, companions, state) if t not in tracks]
        watchers = _tracks_in(lex, _escorts_in_clause(lex.motion, verb, watching=True), state)
        along += [t for t in watchers if t not in tracks + along and not _foreign(t, tracks)]
        _note_aboard(lex, tracks, craft, state)
        if any(c.dep_ == "auxpass" for c in children(verb)):
            # "The howitzers were flown by C-17 transports to X": the craft flies too.
            agents = _tracks_in(lex, _carriers(verb, None), state)
            if verb.lemma_.casefold() in lex.motion.watch_lemmas:
                agents = [t for t in agents if not _foreign(t, tracks)]
            tracks += [t for t in agents if t.asset.kind in lex.motion.carrier_kinds]
        cargo = [t for t in _cargo(lex, holders, state) if t not in tracks]
        if (
            tracks
            and (
                all(t.asset.kind in lex.motion.carrier_kinds for t in tracks)
                or (kind == "travel" and all(t.asset.kind == "unit" for t in tracks))
            )
            and verb.lemma_.casefold() not in lex.motion.escort_lemmas  # "shadowed X": no load
        ):
            # "A C-17 flew a pair of Avenger systems from X to Y": what a craft flies, sails
            # or drives (its object) makes the trip too; "the 16th Mechanized Division moved
            # two K239 batteries to Orzysz": what a formation moves, with it.
            carried = [
                o for o in _objects(verb) if o.lemma_.casefold() not in lex.motion.munition_nouns
            ]
            cargo += [t for t in _tracks_in(lex, carried, state) if t not in tracks + cargo]
        brought = [t for t in _brought(lex, verb, state) if t not in tracks and t not in cargo]
        if tracks and (brought or cargo):
            # "sailed from Brisbane carrying three MRH-90 helicopters ... arrived off
            # Nuku'alofa": what a craft carries makes its whole trip, told in any clause.
            state.escorts.append((tracks[0], cargo + brought))
        cargo += brought
        state.cargo.update(id(t) for t in cargo)
        tracks += cargo
        if not tracks and kind == "travel":
            # Transitive use: "Germany moved two Patriot batteries to X" moves the object,
            # and the subject operates it.
            tracks = _tracks_in(lex, _objects(verb), state)
            subject = subject_of(verb) if tracks else None
            sender = actor_at(ctx, subject) if subject is not None else None
        if not tracks and holders:
            # "A Boeing 737-800 carrying 40 electricians from CFE had landed": the parser
            # takes a word inside the participle's phrase for the verb's subject.
            tracks = _past_participle_phrase(verb, holders, state)
        if not tracks and verb.dep_ == "conj" and not _own_subject(verb):
            # "left X aboard a Boeing 787 and reached Y": the second verb moves the same craft.
            tracks = list(state.by_verb.get(verb.head.i, []))
        if not tracks and not _own_subject(verb):
            # "The first landed at Rzeszow": the parser can make the word standing for one
            # of a group a modifier of the verb after it.
            before = [c for c in children(verb) if c.dep_ in _MISPARSED and c.i < verb.i]
            member = next(
                (m for c in before if (m := group_member(lex.motion, c, state)) is not None),
                None,
            )
            tracks = [member] if member is not None else []
        if not tracks and not _own_subject(verb):
            # "..., when an An-124, RA-82030, flew from X": a parse that gives the verb
            # another clause's subject; "The aircraft, RA-82038, departed Benina airport":
            # a finite verb the parser made a modifier of the noun after it. Either way the
            # asset named just before the verb, with no verb between, is what moves.
            tracks = _asset_before(lex, verb, state)
        if not tracks and subject_of(verb) is None and _opens_its_sentence(verb):
            # "HMNZS TE KAHA / Sailed from Devonport on Monday", "- RA-78830, Il-76MD.
            # Arrived from Chkalovsky at 14:05": a log's entry, told without a subject
            # under the asset it is about, named last on its line or the line above.
            tracks = _entry_asset(verb, state)
        if not tracks and not _own_subject(verb):
            # "It had departed X on 4 October, reached Y the next day": a parse that leaves
            # the second verb without a subject; it moves what the sentence's last motion
            # verb before it moved.
            tracks = _previous_movers(verb, state)
        if tracks and not cargo and all(t.asset.kind in lex.motion.carrier_kinds for t in tracks):
            # "An A400M, ZM420, ferried members of 16 Air Assault Brigade": the load of a verb
            # the parser read as an adjective of it, its asset found by the means above.
            misread = [
                o
                for o in _misread_object(verb)
                if o.lemma_.casefold() not in lex.motion.munition_nouns
            ]
            loads = [t for t in _tracks_in(lex, misread, state) if t not in tracks]
            state.cargo.update(id(t) for t in loads)
            tracks += loads
        # "..., accompanied by the oiler Akademik Pashin": those who came along move with
        # the clause's movers (found by any of the means above), or alone when none is.
        if tracks and along:
            state.escorts.append((tracks[0], along))
        tracks += [t for t in along if t not in tracks]
    state.by_verb[verb.i] = tracks
    if tracks:
        state.recent = tracks
        state.mentioned(tracks)
    if verb.lemma_.casefold() not in lex.motion.escort_lemmas:
        # (an escort may be another country's: "It was escorted by Norwegian F-35s")
        _share_operator([t for t in tracks if t not in along])
    if sender is not None and sender.country:
        # "Brazil has sent EE-9 armoured vehicles": the sender operates them.
        operator = sender if sender.sector else sender.model_copy(update={"sector": "MIL"})
        for track in tracks:
            if track.asset.operator is None:
                track.asset = track.asset.model_copy(update={"operator": operator})
    return tracks


_MISPARSED = frozenset({"amod", "compound", "nmod"})


def _past_participle_phrase(verb: Token, holders: list[Token], state: State) -> list[Track]:
    """The asset just before an "-ing" participle whose phrase holds the verb's subject:
    the subject the parser chose is the participle's object's, not the verb's."""
    doc, sent = verb.doc, sentence(verb)
    first = min(h.i for h in holders)
    participle = next((t for t in reversed(doc[sent.start : first]) if t.tag_ == "VBG"), None)
    if participle is None:
        return []
    for token in reversed(doc[sent.start : participle.i]):
        if token.pos_ in {"VERB", "AUX"}:
            return []
        if token.i in state.by_token:
            return list(state.by_token[token.i])
    return []


def _asset_before(lex: EventLexicon, verb: Token, state: State) -> list[Track]:
    misparsed = verb.dep_ in _MISPARSED and verb.tag_ == "VBD"
    sent = sentence(verb)
    before = list(reversed(verb.doc[sent.start : verb.i]))
    for token in before:
        if token.pos_ in {"VERB", "AUX"}:
            break  # another clause: its assets are its own
        if token.i in state.by_token:
            return _owner_asset(token, state) or list(state.by_token[token.i])
        if misparsed and token.pos_ in {"NOUN", "PROPN", "PRON"} and token.dep_ != "appos":
            found = tracks_for(lex, token, state)
            if found:
                return found
    # Past another clause, only the sentence's asset subject ("A second An-124 made the
    # X-Y run ... and returned to X": the parser gave "returned" another subject).
    for token in before:
        if token.i in state.by_token and token.dep_ in _SUBJECTS:
            return list(state.by_token[token.i])
    return []


def _owner_asset(token: Token, state: State) -> list[Track]:
    """ "KC-46A 18-46049 of the 22nd Air Refueling Wing flew ...": a unit in the "of" phrase
    of an asset is whose the asset is; the asset that phrase hangs off moved."""
    if token.dep_ != "pobj" or token.head.lower_ != "of":
        return []
    for outer in token.head.ancestors:
        if outer.i in state.by_token and outer.i < token.i:
            return list(state.by_token[outer.i])
        if outer.pos_ in {"VERB", "AUX"}:
            break
    return []


def _opens_its_sentence(verb: Token) -> bool:
    """The verb, or the first of the verbs it is coordinated with, is its sentence's root
    and its first word ("Sailed from X", "Completed training and left X")."""
    opener = verb
    # (the parser may hang a second verb as a loose "dep": "Dropped X, then repositioned")
    while opener.dep_ in {"conj", "dep"} and opener.head.pos_ in {"VERB", "AUX"}:
        opener = opener.head
    sent = sentence(verb)
    first = next((t for t in verb.doc[sent.start : sent.end] if t.is_alpha), None)
    return opener.dep_ == "ROOT" and first is not None and first.i == opener.i


def _entry_asset(verb: Token, state: State) -> list[Track]:
    """The asset named last before the verb's sentence, on the same line or on the line
    just above it (a heading), never further up: a log entry's subject."""
    sent = sentence(verb)
    named = [i for i in state.by_token if i < sent.start]
    if not named:
        return []
    last = max(named)
    doc = verb.doc
    gap = doc.text[doc[last].idx + len(doc[last]) : doc[sent.start].idx]
    if "\n" in gap.rstrip(" \t\n") or gap.count("\n") > 1:
        return []  # a line of other words, or a blank line, between the asset and the verb
    return list(state.by_token[last])


def _previous_movers(verb: Token, state: State) -> list[Track]:
    sent = sentence(verb)
    earlier = [i for i in state.by_verb if sent.start <= i < verb.i and state.by_verb[i]]
    return list(state.by_verb[max(earlier)]) if earlier else []


def _tracks_in(lex: EventLexicon, holders: list[Token], state: State) -> list[Track]:
    tracks: list[Track] = []
    for holder in holders:
        # "The F124-class frigate and the tanker reached Lisbon": a back-reference in a
        # list means an asset other than those its partners name.
        for track in tracks_for(lex, holder, state, taken=tracks):
            if track not in tracks:
                tracks.append(track)
    return tracks


def _cargo(lex: EventLexicon, holders: list[Token], state: State) -> list[Track]:
    """ "Two Y-20s arrived carrying HQ-22 air defence systems": a system the moving craft
    carries makes the trip (munitions are payload: "carrying Patriot interceptors")."""
    motion = lex.motion
    out: list[Track] = []
    for holder in holders:
        if holder.i not in state.by_token:
            continue
        clauses = [c for c in (*children(holder), *children(holder.head)) if c.dep_ in _CLAUSES]
        for clause in clauses:
            if clause.lemma_.casefold() not in motion.carry_lemmas:
                continue
            for obj in (p for c in children(clause) if c.dep_ == "dobj" for p in parties(c)):
                if obj.lemma_.casefold() in motion.munition_nouns:
                    continue
                found = list(_named_tracks(obj, state).values())
                if not found and obj.lemma_.casefold() in motion.component_nouns:
                    # "carrying the first components": of the system named before.
                    system = state.latest(frozenset({"weapon_system"}))
                    found = [system] if system is not None else []
                out += [t for t in found if t not in out]
    return out


_CLAUSES = frozenset({"acl", "advcl", "xcomp"})


def _brought(lex: EventLexicon, verb: Token, state: State) -> list[Track]:
    """ "landed at Clark with the first BrahMos batteries": what a trip is made with travels
    too (munitions are payload)."""
    motion = lex.motion
    out: list[Track] = []
    for word, obj in preps(verb):
        if word not in motion.with_preps:
            continue
        for part in parties(obj):
            if part.lemma_.casefold() in motion.munition_nouns:
                continue
            out += [t for t in _named_tracks(part, state).values() if t not in out]
    return out


def note_escorts(lex: EventLexicon, verb: Token, state: State) -> None:
    """ "It was escorted throughout by the frigate X", "The frigate X escorted the tanker Y":
    who escorts whom, for the escorts to take the escorted asset's trip."""
    if verb.lemma_.casefold() not in lex.motion.convoy_lemmas:
        return
    subjects = [t for s in _subjects(verb) for t in tracks_for(lex, s, state)]
    if any(c.dep_ == "auxpass" for c in children(verb)):
        # "was escorted through the Fehmarn Belt by the German patrol boat Potsdam": a
        # foreign escort told in the passive shadowed the asset (an ally's escort of a
        # delivery is told in the active: "A French A330 MRTT escorted them all the way").
        agents = _tracks_in(lex, _carriers(verb, None), state)
        if verb.lemma_.casefold() in lex.motion.watch_lemmas:
            agents = [t for t in agents if not _foreign(t, subjects)]
        escorted, escorts = subjects, agents
    else:
        escorted, escorts = _tracks_in(lex, _objects(verb), state), subjects
    escorts = [t for t in escorts if t not in escorted]
    # The escorted asset whose trip is told ("accompanied them": the jets, not their wing).
    for track in sorted(escorted, key=lambda t: not t.routes)[:1]:
        if escorts:
            state.escorts.append((track, escorts))


def shadowed(lex: EventLexicon, verb: Token, movers: list[Track], state: State) -> list[Track]:
    """ "HMS Tyne shadowed the corvette Boikiy through the English Channel", "followed them
    west to Ushant": the assets a shadowing verb's subject kept with (its objects), which
    passed where it went."""
    if verb.lemma_.casefold() not in lex.motion.shadow_lemmas or any(
        c.dep_ == "auxpass" for c in children(verb)
    ):
        return []
    return [t for t in _tracks_in(lex, _objects(verb), state) if t not in movers]


def _note_aboard(lex: EventLexicon, tracks: list[Track], craft: list[Token], state: State) -> None:
    """ "The vehicles crossed half the globe aboard the car carrier Glovis Sirius": the craft
    and what it carries make one trip, each told part of it."""
    carriers = _tracks_in(lex, craft, state) if craft else []
    carried = [t for t in tracks if t not in carriers]
    if carriers and carried:
        state.escorts.append((carried[0], carriers))
        state.escorts.append((carriers[0], carried))


def take_passages(state: State) -> None:
    """Where a shadowing asset went is a stop on a shadowed asset's own trip (one with an
    end told); an asset told only as shadowed gets no trip from it."""
    for track, route in state.passages:
        if any(r.destination is not None or r.home for r in track.routes):
            track.add(route)


def take_escorted_trips(state: State) -> None:
    """Escorts, companions and what a craft brought, told no whole trip of their own (no
    start or no end), make the trip of the asset they went with."""
    for escorted, escorts in state.escorts:
        for escort in escorts:
            told = escort.routes
            if escort is escorted or (
                any(r.destination for r in told) and any(r.origin for r in told)
            ):
                continue
            told.extend(copy.deepcopy(escorted.routes))


def _carriers(verb: Token, subject: Token | None) -> list[Token]:
    """The active subject and the passive agent of a verb of sending or carrying."""
    out = parties(subject) if subject is not None and subject.dep_ == "nsubj" else []
    for agent in (c for c in children(verb) if c.dep_ == "agent"):
        for obj in (o for o in children(agent) if o.dep_ == "pobj"):
            out += [*parties(obj), *_stray_tail(obj)]
    return out


def _stray_tail(obj: Token) -> list[Token]:
    """ "flown to Kabul by an RAF C-17A": the small parser can take the operator for the
    object and hang the designator after it on the verb as punctuation; the words run on
    after the object, up to a real punctuation mark or the next phrase, are its own."""
    out = []
    for token in obj.doc[obj.right_edge.i + 1 : sentence(obj).end]:
        if token.dep_ not in {"punct", "dep"} or not any(ch.isalnum() for ch in token.text):
            break
        out.append(token)
    return out


def _objects(verb: Token) -> list[Token]:
    return [p for c in children(verb) if c.dep_ in {"dobj", "nsubjpass"} for p in parties(c)]


def _misread_object(verb: Token) -> list[Token]:
    """ "An A400M, ZM420, ferried members of 16 Air Assault Brigade": the small parser can
    read the verb as an adjective of the noun after it, which is then what it carries."""
    if verb.dep_ not in _MISPARSED or verb.head.i <= verb.i or verb.head.pos_ != "NOUN":
        return []
    return parties(verb.head)


def _own_subject(verb: Token) -> bool:
    return any(c.dep_ in _SUBJECTS for c in children(verb))


def _subjects(verb: Token) -> list[Token]:
    """Every subject of the verb: a dateline can parse as a second one ("WASHINGTON —
    About 2,000 paratroopers ... left"). A relative pronoun stands for the noun the clause
    hangs off ("soldiers of the 1st Battalion, who arrived in X")."""
    own = [c for c in children(verb) if c.dep_ in _SUBJECTS]
    if not own and verb.dep_ == "conj" and any(c.dep_ in _SUBJECTS for c in children(verb.head)):
        # "The corvette and the tanker had left X and are heading for Y": every subject of
        # the first verb (the parser can give each its own arc rather than a list).
        return _subjects(verb.head)
    if not own:
        subject = subject_of(verb)
        # "stopped at Benina, then flew on to Bamako": the parser can leave the second
        # verb as a loose dependent of the first, whose subject it shares.
        while subject is None and verb.head.i != verb.i:
            if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
                verb = verb.head.head  # "stopped at X before landing at Y": "landing"
            elif verb.dep_ in _LOOSE:
                verb = verb.head
            else:
                break
            subject = subject_of(verb)
        return [subject] if subject is not None else []
    out = []
    for subject in own:
        if subject.tag_ in {"WP", "WDT"} and verb.dep_ == "relcl":
            subject = verb.head
        out.append(subject)
    return out


def _antecedent(lex: EventLexicon, verb: Token, subject: Token, state: State) -> Token:
    """ "an A330 MRTT of the Multinational MRTT Unit, which returned to X": a relative
    clause the parser hangs off the owner named after an asset means the asset."""
    if verb.dep_ != "relcl" or subject.i != verb.head.i or subject.dep_ != "pobj":
        return subject
    if subject.head.lower_ != "of":
        return subject
    owner = subject.head.head
    if owner.pos_ in {"NOUN", "PROPN"} and _named_tracks(owner, state):
        return owner
    return subject


_SUBJECTS = {"nsubj", "nsubjpass"}
_LOOSE = {"dep", "parataxis", "advcl", "conj", "xcomp"}


def _foreign(escort: Track, escorted: list[Track]) -> bool:
    """ "A Russian Il-20 ... was escorted by Italian F-35s", "shadowed by HMS Tyne": an
    escort of another country than the asset it kept watch on did not make its trip."""
    mine = escort.asset.operator.country if escort.asset.operator else None
    theirs = {t.asset.operator.country for t in escorted if t.asset.operator} - {None}
    return mine is not None and bool(theirs) and mine not in theirs


def _share_operator(tracks: list[Track]) -> None:
    """ "A Chinese Type 052D destroyer and a Type 054A frigate": one modifier, both hulls."""
    operators = {
        t.asset.operator.country: t.asset.operator
        for t in tracks
        if t.asset.operator is not None and t.asset.operator.country
    }
    if len(operators) != 1:
        return
    operator = next(iter(operators.values()))
    for track in tracks:
        if track.asset.operator is None:
            track.asset = track.asset.model_copy(update={"operator": operator})


def _companions(motion: Motion, subject: Token) -> list[Token]:
    """ "The An-124, along with a Il-62M, arrived": partners in with-phrases."""
    out = []
    for child in children(subject):
        if child.dep_ == "prep" and child.lower_ in motion.companion_preps:
            for node in child.subtree:
                if node.dep_ == "pobj":
                    out.extend(parties(node))
    return out


def _escorts_in_clause(motion: Motion, verb: Token, watching: bool = False) -> list[Token]:
    """ "entered Havana, accompanied by the oiler Akademik Pashin", "left Mayport on 3 May,
    escorted by the oiler Supply": those a participle of the clause says came along,
    wherever the parser hung the participle inside the clause; with `watching`, only those
    of a verb of keeping watch ("shadowed by HMS Tyne"), else only the others."""
    out = []
    sent = sentence(verb)
    for clause in verb.doc[sent.start : sent.end]:
        if (
            clause.dep_ not in {"acl", "advcl"}
            or clause.lemma_.casefold() not in motion.escort_lemmas
            or (clause.lemma_.casefold() in motion.watch_lemmas) != watching
        ):
            continue
        above = clause_verb(clause)
        if above is None or above.i != verb.i:
            continue  # the participle belongs to another clause of the sentence
        for agent in (c for c in children(clause) if c.dep_ == "agent"):
            for obj in (o for o in children(agent) if o.dep_ == "pobj"):
                out += [*parties(obj), *_stray_tail(obj)]
    return out


def tracks_for(
    lex: EventLexicon, holder: Token, state: State, taken: list[Track] | None = None
) -> list[Track]:
    named = _named_tracks(holder, state)
    if named and holder.lower_ in lex.motion.collective_words:
        # "The flotilla consisting of the destroyer X and the ship Y": the members too.
        members = _members(lex, holder, state)
        named = {**{str(id(t)): t for t in members}, **named}
    if named:
        found = list(named.values())
        state.last = found[-1]
        return found
    motion = lex.motion
    another = _another_of_kind(motion, holder, state)
    if another is not None:
        return [another]
    member = group_member(motion, holder, state)
    if member is not None:
        return [member]
    if holder.lower_ in motion.collective_words:
        inner = _members(lex, holder, state)
        if inner:
            return inner
    carried = _carried(lex, holder, state)
    if carried:
        return carried
    carriers = lex.motion.personnel_words
    if (
        holder.lemma_.casefold() in carriers
        or holder.lower_ in carriers
        or holder.lower_ in lex.motion.part_words
        # "the first vehicles of the 1st ABCT" (not "the aircraft, from the 437th Airlift
        # Wing": an aircraft is not its wing)
        or bool(lex.motion.kinds_meant(holder.lower_) & {"unit", "vehicle"})
        # "The lads of the 121st Infantry Battalion went home": the many of a unit.
        or holder.tag_ == "NNS"
    ):
        # "2,000 paratroopers from the 82nd Airborne Division": the people are the unit.
        # "The brigade's soldiers flew to X": the owner is the unit too.
        owners = [c for c in children(holder) if c.dep_ == "poss" and c.pos_ != "PRON"]
        units = [
            tr
            for obj in (o for w, o in preps(holder) if w in lex.motion.unit_preps)
            for tr in tracks_for(lex, obj, state)
        ]
        # (A ship's or an aircraft's people are not the craft: "the ships' crews were flown
        # home" moves no ship.)
        units += [
            tr for obj in owners for tr in tracks_for(lex, obj, state) if tr.asset.kind == "unit"
        ]
        meant = lex.motion.kinds_meant(holder.lower_)
        if meant and not meant & {"unit", "vehicle"}:
            # "The launchers, from 16th Regiment Royal Artillery, crossed": equipment named
            # before, whose unit the phrase names, not the unit.
            units = [t for t in units if t.asset.kind != "unit"]
        if units:
            return units
        if (
            holder.lower_ in lex.motion.part_words
            and holder.lower_ not in lex.motion.collective_words  # "the group": all of it
            and not owners
            and not _of_phrase(holder)
        ):
            # "13 Light Brigade's rotation is under way. An advance party flew to Vilnius":
            # a part named alone is of the formation the report is about, when it names one.
            named = {t.key: t for t in state.history if t.asset.kind == "unit"}
            if len(named) == 1:
                return list(named.values())
    named_before = aliased(holder, state)
    if named_before is not None:
        state.last = named_before
        return [named_before]
    # "One of the aircraft, RF-76551, left": an identifier picks the airframe.
    # (Only worth reading when some airframe has an identifier to be picked by.)
    by_id = []
    if any(t.asset.identifier for t in state.tracks.values()):
        phrase_text = holder.doc[holder.left_edge.i : holder.right_edge.i + 1].text
        wanted = set(state.catalogue.identifiers_in(phrase_text))
        by_id = [t for t in state.tracks.values() if t.asset.identifier in wanted]
    if by_id:
        state.last = by_id[-1]
        return by_id
    if (
        is_generic_plural(holder, motion)
        or holder.lower_ in motion.group_words
        or _the_group(motion, holder)
        or bare_count(holder, motion)
    ):
        group = _group(motion, holder, state)
        # "The bombers, tail numbers A and B, took off": ids between the noun and its verb.
        end = max(holder.right_edge.i, holder.head.i if holder.head.i > holder.i else 0)
        span = holder.doc[holder.left_edge.i : end + 1]
        identifiers = state.catalogue.identifiers_in(span.text)
        if len(group) == 1 and len(identifiers) > 1 and group[0].asset.identifier is None:
            group = _split(state, group[0], identifiers)
            state.group = group
        return group
    by_word = _named_by_word(holder, state)
    if by_word is not None:
        return [by_word]
    if is_generic_single(holder, motion) and (
        state.last is not None or _only_of_kind(motion, holder, state)
    ):
        if _same_both_numbers(motion, holder) and len(state.recent) > 1:
            # "Two Il-76s landed ... The aircraft had flown in from X": a noun that is the
            # same in both numbers, with a verb that does not say which, is the group that
            # moved last (its Russian ones for "the Russian aircraft").
            country = state.nationality.get(holder.i)
            if country is not None:
                # (the Russian ones of those named, whether or not they moved last)
                return _group(motion, holder, state) or list(state.recent)
            return list(state.recent)
        return _referent(motion, holder, state, taken or [])
    return []


def _of_phrase(holder: Token) -> bool:
    return any(w == "of" for w, _ in preps(holder))


def _only_of_kind(motion: Motion, holder: Token, state: State) -> bool:
    """ "The battalion flew out of Dublin": before any clause has moved an asset, a noun
    means one only when a single asset of its kind is named ("Ireland's 122nd Infantry
    Battalion")."""
    kinds = motion.kinds_meant(holder.lower_)
    return bool(kinds) and sum(t.asset.kind in kinds for t in state.history) == 1


def _named_by_word(holder: Token, state: State) -> Track | None:
    """ "the Dornier", "the Antonov", "the Hercules": a definite name that is one word of
    an asset's maker, model or type name means the latest asset so named."""
    if holder.pos_ != "PROPN" or not any(
        c.dep_ == "det" and c.lower_ in _DEFINITE for c in children(holder)
    ):
        return None
    word = holder.text.casefold()
    for track in reversed(state.history):
        asset = track.asset
        words = {w for n in (asset.model, asset.name) if n for w in n.casefold().split()}
        if word in words:
            return track
    return None


_DEFINITE = frozenset({"the", "this", "that"})


def _another_of_kind(motion: Motion, holder: Token, state: State) -> Track | None:
    """ "A second airframe, RF-78816, flew ...", "another transport": one more asset of the
    type named last for that kind, a track of its own (keyed on its apposed identifier)."""
    noun = holder.lower_
    if noun not in motion.generic_assets:
        return None
    words = motion.instance_words
    number = next((words[c.lower_] for c in children(holder) if c.lower_ in words), None)
    model = state.latest(motion.kinds_meant(noun)) if number is not None else None
    if model is None or number is None:
        return None
    family = model.key.split("|", 1)[0]
    apposed = (c.text for c in children(holder) if c.dep_ == "appos")
    ids = [i for text in apposed for i in state.catalogue.identifiers_in(text)]
    if number < 0:
        number = 1 + sum(1 for k in state.tracks if k.split("|", 1)[0] == family)
    key = f"{family}|{ids[0]}" if ids else f"{family}|#{number}"
    asset = model.asset.model_copy(update={"identifier": ids[0] if ids else None, "count": 1})
    track = state.tracks.setdefault(key, Track(key, asset))
    state.mentioned([track])
    return track


def group_member(motion: Motion, word: Token, state: State) -> Track | None:
    """ "Two Il-76s left Chkalovsky. One landed at Hmeimim, the other flew on to Benina": a
    word standing alone for one of a counted group named before (an asset told as several
    and not yet split into airframes) is that airframe, a track of its own that shares the
    group's trip so far."""
    number = motion.member_words.get(word.lower_)
    if number is None or word.pos_ not in {"NUM", "ADJ", "NOUN", "PRON"}:
        return None
    if word.dep_ not in _SUBJECTS and not (word.dep_ in _MISPARSED and word.head.pos_ == "VERB"):
        return None  # ("six rotations, the first on 25 November": not one of the assets)
    after_the = word.i > 0 and word.doc[word.i - 1].lower_ == "the"
    if word.pos_ != "NUM" and not after_the:
        return None  # "first" alone is an adverb ("first landed at X")
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in children(word)):
        return None  # "one of the jets": the "of" phrase names it
    group = next(
        (
            t
            for t in reversed(state.history)
            if (t.asset.count or 0) >= max(2, number) and t.asset.identifier is None
        ),
        None,
    )
    if group is None:
        return None
    family = group.key.split("|", 1)[0]
    key = f"{family}|#{number}@{group.key}"
    track = state.tracks.get(key)
    if track is None:
        asset = group.asset.model_copy(update={"count": 1})
        track = state.tracks[key] = Track(key, asset, routes=copy.deepcopy(group.routes))
    state.mentioned([track])
    return track


def _members(lex: EventLexicon, holder: Token, state: State) -> list[Track]:
    """ "A pair of Su-34 jets", "a group of three Il-76s": the "of" phrase; "the flotilla
    consisting of the destroyer Dena and the base ship Makran": its members."""
    objects = [o for w, o in preps(holder) if w == "of"]
    for clause in (c for c in children(holder) if c.dep_ in {"acl", "relcl"}):
        if clause.lemma_.casefold() in lex.motion.member_verbs:
            objects += [o for w, o in preps(clause) if w == "of"]
            objects += [c for c in children(clause) if c.dep_ == "dobj"]
    inner = [tr for o in objects for p in parties(o) for tr in tracks_for(lex, p, state)]
    return list({id(t): t for t in inner}.values())


def _referent(motion: Motion, holder: Token, state: State, taken: list[Track]) -> list[Track]:
    """ "The frigate": the latest ship named with that noun ("the tanker Kola ... the
    tanker"), else the latest asset if of the kind the noun means, else the latest of that
    kind ("The Il-76 landed ... The frigate left"); never one its list partners already
    name. An apposed identifier names it ("The aircraft, RA-82038, departed")."""
    kinds = motion.kinds_meant(holder.lower_)
    free = [t for t in reversed(state.history) if t not in taken]
    country = state.nationality.get(holder.i)
    of_country = [t for t in free if operated_by(t, country, state)]
    if of_country:
        # "The Russian frigate": of the assets named before, the Russian ones.
        taken = [*taken, *(t for t in free if t not in of_country)]
        free = of_country
    same_noun = [t for t in free if state.noun.get(t.key) == holder.lower_]
    last = state.last if state.last not in taken else None
    if holder.lower_ in _CONTINUING and state.subject is not None and state.subject not in taken:
        last = state.subject  # "it": the asset the text has been about, not its load
    referent = last if last is not None and (not kinds or last.asset.kind in kinds) else None
    role = motion.role_meant(holder.lower_)
    same_role = [t for t in free if role is not None and has_role(state, t, role)]
    if same_noun or same_role:
        # "The tanker then headed back to Komaki": the latest asset that is one, not the
        # fighters it dragged there.
        referent = (same_noun or same_role)[0]
    referent = referent or next((t for t in free if not kinds or t.asset.kind in kinds), None)
    if referent is None:
        return []
    for child in (c for c in children(holder) if c.dep_ == "appos"):
        ids = state.catalogue.identifiers_in(child.text)
        if ids:
            state.identify(referent, ids[0])
    return [referent]


_CONTINUING = frozenset({"it", "she"})


def _the_group(motion: Motion, holder: Token) -> bool:
    """ "The formation staged through Al Dhafra", "the convoy drove north": a definite
    collective noun with no members of its own ("of" phrase) is the group told before."""
    return (
        holder.lower_ in motion.collective_words
        and any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in children(holder))
        and not any(w == "of" for w, _ in preps(holder))
    )


def _group(motion: Motion, holder: Token, state: State) -> list[Track]:
    """ "Both aircraft", "the two ships", "they": the group named last, else the latest
    assets of the kind the noun means, as many as it counts ("both": two)."""
    kinds = motion.kinds_meant(holder.lower_)
    if (
        holder.pos_ == "PRON"
        and holder.dep_ in {"dobj", "pobj"}
        and _people_before(motion, holder, state)
    ):
        return []  # "The ships' companies had been flown home: a Voyager brought them"
    role = motion.role_meant(holder.lower_)
    country = state.nationality.get(holder.i)
    if role is not None or country is not None:
        # "The tankers went on to Istres", "The Russian aircraft turned back": the assets
        # that are tankers or Russian, of those that moved last if any of them are, else
        # those named with the latest of them.
        of_role = [
            t
            for t in reversed(state.history)
            if (role is None or has_role(state, t, role))
            and (country is None or operated_by(t, country, state))
            and (not kinds or t.asset.kind in kinds)
            and state.named_before(t, holder.i)
        ]
        recent = [t for t in state.recent if t in of_role]
        if recent:
            return recent
        if of_role:
            where = state.sentence.get(of_role[0].key)
            return list(reversed([t for t in of_role if state.sentence.get(t.key) == where]))
    if state.group and all(not kinds or t.asset.kind in kinds for t in state.group):
        return list(state.group)
    # "Four Eurofighters landed ... from Portuguese F-16s. The jets flew in from X": the
    # assets that moved last, before others merely named.
    counted = [
        motion.count_words.get(c.lower_, 2 if c.lower_ == "both" else 0)
        for c in children(holder)
        if c.dep_ in {"det", "nummod", "predet"}
    ] + [bare_count(holder, motion) or 0]
    recent_fits = not any(counted) or len(state.recent) == max(counted)
    # "A KC-46A accompanied them": an object pronoun is never its own clause's subject.
    own = _subject_tracks(holder, state) if holder.dep_ in {"dobj", "pobj"} else []
    if (
        state.recent
        and recent_fits
        and all(t.asset.kind in kinds for t in state.recent)
        and not any(t in own for t in state.recent)
    ):
        return list(state.recent)
    counts = [
        motion.count_words.get(c.lower_, 2 if c.lower_ == "both" else 0)
        for c in children(holder)
        if c.dep_ in {"det", "nummod", "predet"}
    ] + [bare_count(holder, motion) or 0]
    wanted = max(counts, default=0)
    found = [
        t
        for t in reversed(state.history)
        if (not kinds or t.asset.kind in kinds) and state.named_before(t, holder.i) and t not in own
    ]
    if not wanted and found:
        # "The launchers were flown ...": those of the kind named with the latest of them.
        # "They" is several: past an asset named alone as one ("The jets left Darwin. An
        # A400M followed. On the 10th they landed at Neuburg": the jets).
        latest = found[0]
        if holder.pos_ == "PRON" and holder.dep_ in _SUBJECTS:
            latest = next((t for t in found if several(state, found, t)), latest)
        where = state.sentence.get(latest.key)
        found = [t for t in found if t is latest or state.sentence.get(t.key) == where]
    if kinds:  # "the troops": units only, never the aircraft that carried them
        return list(reversed(found[:wanted] if wanted else found))
    return list(reversed(found[:wanted] if wanted else found)) or list(state.tracks.values())


def _people_before(motion: Motion, pronoun: Token, state: State) -> bool:
    """The subject last named before an object pronoun, in its sentence, is a plural noun
    that is no asset (the crews, the companies): the pronoun stands for it."""
    sent = sentence(pronoun)
    subjects = [
        t
        for t in sent
        if t.i < pronoun.i and t.dep_ in _SUBJECTS and t.pos_ in {"NOUN", "PROPN", "PRON"}
    ]
    own = pronoun.head.head if pronoun.dep_ == "pobj" else pronoun.head
    subjects = [t for t in subjects if t.head.i != own.i]
    if not subjects:
        return False
    last = subjects[-1]
    return (
        last.tag_ in {"NNS", "NNPS"}
        and not motion.kinds_meant(last.lower_)
        and not _named_tracks(last, state)
    )


def _subject_tracks(holder: Token, state: State) -> list[Track]:
    """The assets named in the subject of the verb a holder is the object of."""
    verb = holder.head.head if holder.dep_ == "pobj" else holder.head
    # ("sailed ... and followed them": a second verb's subject is the first one's.)
    return [t for s in _subjects(verb) for t in _named_tracks(s, state).values()]


def _carried(lex: EventLexicon, holder: Token, state: State) -> list[Track]:
    """ "The convoy carrying the S-400 system crossed into Belarus": a holder that is not
    itself an asset moves what its verb of carrying names."""
    for clause in (c for c in children(holder) if c.dep_ in {"acl", "relcl"}):
        if clause.lemma_.casefold() not in lex.motion.carry_lemmas:
            continue
        objects = [p for c in children(clause) if c.dep_ == "dobj" for p in parties(c)]
        # "a convoy carrying soldiers of the 2nd Battalion": the people are their unit.
        found = [tr for obj in objects for tr in tracks_for(lex, obj, state)]
        if found:
            return list({id(t): t for t in found}.values())
    return []


def note_named(holder: Token, state: State) -> None:
    """The asset a clause's subject names is the latest one named ("the aircraft" after it)."""
    named = _named_tracks(holder, state)
    if named:
        state.last = list(named.values())[-1]


def _named_tracks(holder: Token, state: State) -> dict[str, Track]:
    """Tracks of asset mentions in the holder's own phrase and sentence."""
    # A subtree lies within its left and right edges: when no mention lies there (most
    # subjects), the subtree need not be walked.
    lo, hi = holder.left_edge.i, holder.right_edge.i
    stray = _stray_designator(holder, lo, state)
    if stray or not any(lo <= i <= hi for i in state.by_token):
        return stray  # ("KC-46A 18-46049 of the 22nd Air Refueling Wing flew": the KC-46A)
    sent = sentence(holder)  # built once: `t.sent` per subtree token rebuilt a span each time
    return {
        tr.key: tr
        for t in holder.subtree
        if t.i in state.by_token and sent.start <= t.i < sent.end and _same_phrase(holder, t)
        for tr in state.by_token[t.i]
    }


# How the small parser hangs a designator it has not joined to the identifier after it.
_STRAYS = frozenset({"meta", "intj", "dep", "npadvmod", "nmod", "advmod"})


def _stray_designator(holder: Token, lo: int, state: State) -> dict[str, Track]:
    """ "C-17A RCH231 took off from Dover", "C-17A 07-7189 landed": a designator opening
    the subject can come out as a list marker or an interjection of the verb, beside its
    callsign or serial; the asset just before the subject, hung on the same verb, is it."""
    if lo == 0:
        return {}
    before = holder.doc[lo - 1]
    if before.i not in state.by_token or before.dep_ not in _STRAYS:
        return {}
    if before.head.i != holder.head.i or before.i != before.left_edge.i:
        return {}
    return {tr.key: tr for tr in state.by_token[before.i]}


def _same_both_numbers(motion: Motion, holder: Token) -> bool:
    """ "The aircraft had flown in": a noun the same in both numbers, whose verb does not
    say which."""
    if holder.lower_ not in motion.same_in_both_numbers:
        return False
    verb = holder.head
    numbers = {
        n
        for t in [verb, *(c for c in children(verb) if c.dep_ in {"aux", "auxpass"})]
        for n in t.morph.get("Number", None)
    }  # None: [] when unset
    return "Sing" not in numbers or "Plur" in numbers


def _same_phrase(holder: Token, token: Token) -> bool:
    """`token` belongs to the holder's own noun phrase, not a clause hanging off it."""
    node = token
    while node.i != holder.i:
        # An apposition renames the holder ("USS X, an Arleigh Burke-class destroyer").
        if node.dep_ in {"relcl", "acl", "advcl", "ccomp", "prep"} and node != token:
            return False
        if node.head.i == node.i:
            return False
        node = node.head
    return True
