"""Toponym recognition: which spans of the text name places; the gazetteer resolves them.

Candidates: spaCy GPE/LOC/FAC entities; organisation entities that are airfields or bases the
gazetteer knows ("Simón Bolívar International Airport"); names spaCy missed or mislabelled as a
person ("Khmeimim"), ICAO codes ("OSLK") and datelines ("RIGA, Latvia —") found by matching the
gazetteer's scan keys. Not places: demonyms ("Russian"), names inside organisation, unit, outlet
or ship names ("Russian Air Force", "USS Carney"), a place inside a longer place name. A feature
cue right after a name joins it ("Khmeimim" + "air base").

Captions: spans inside captions are recognised like any other; `geo` lists them as mentions but
takes no context from them (see `wirewatch.geo.geocode`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from wirewatch.extract._linear import FINITE_TAGS
from wirewatch.extract._syntax import AREA_PREPS, from_objects, misread_to_name, preps
from wirewatch.extract.context import Context, Geocoder, children, parse_tree, sentence
from wirewatch.extract.registry import step
from wirewatch.kb.tables.events import Motion
from wirewatch.kb.tables.geo_cues import Table as GeoCues
from wirewatch.model import Place, Span, stable_id
from wirewatch.nlp.ent_fixes import CALENDAR_WORDS

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Labels under which the small model hides toponyms it does not know ("’s Khmeimim" PERSON);
# inside these only curated names and airfield codes count, never a bare city name.
MISLABELLED = frozenset({"PERSON", "NORP", "PRODUCT", "WORK_OF_ART", "LAW", "EVENT"})
# Entities of the actors step that own the names inside them.
OWNER_KINDS = frozenset({"ORG", "UNIT", "OUTLET", "EQUIPMENT"})
SITE_FEATURES = frozenset({"airport", "airbase", "base", "port", "site"})
STRONG = frozenset({"curated", "airport", "airbase", "base", "site", "water", "region"})
# Feature kinds a whole mislabelled entity may have to count as a place (airfields need a
# cue or a code: their keyword lists hold operators' names).
_NAMED = frozenset({"curated", "base", "site", "water", "region", "country"})
WHOLE_ENTITY_FEATURES = {
    "PERSON": _NAMED | {"admin", "major"},
    "NORP": _NAMED | {"city"},
    "ORG": _NAMED | {"admin", "city"},
}
INSIDE_LOCATIVE_LABELS = frozenset({"PRODUCT", "WORK_OF_ART", "LAW", "EVENT"})
# Labels under which a name after a locative may still be a place ("at Adre", "in Goma").
LOCATIVE_LABELS = frozenset({"ORG", "PERSON", "NORP", "PRODUCT", "WORK_OF_ART", "FAC"})
LOCATIVE_FEATURES = frozenset(
    {"country", "admin", "region", "city", "locality", "water", "site", "base", "port", "curated"}
)
# Entity labels a route slot's name never has when it is a place ("in July 2023").
_NEVER_PLACES = frozenset(
    {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "EQUIPMENT"}
)
# What a route slot may name: airfields and ports too, the motion verb being their cue.
ROUTE_FEATURES = LOCATIVE_FEATURES | SITE_FEATURES | {"airport", "airbase"}
MAX_WORDS = 6
# Entity-ruler ids (nlp.kb_ruler) of names that are not places.
KB_NOT_PLACE = ("demonym:", "org:", "outlet:", "seat:")
_ICAO = re.compile(r"^[A-Z]{4}$")
_DATELINE = re.compile(r"(?m)^\s*([A-Z][A-Z.'’ -]{2,40})(?=,\s+[A-Z])")
_ARTICLE = re.compile(r"^(?:the|’s|'s)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"\s*['’]s?$")


@step("places")
def find_places(ctx: Context) -> None:
    spans = _drop_nested(sorted({_whole_name(ctx, s, e) for s, e in recognise(ctx)}))
    if ctx.gazetteer is None:
        ctx.places = _unresolved(ctx, spans)
        return
    captions = [(c.start, c.end) for c in ctx.captions()]
    ctx.places = ctx.gazetteer.geocode(
        ctx.document.id, ctx.document.text, spans, captions, _demonyms(ctx)
    )


_HYPHENS = "-‐‑"


def _whole_name(ctx: Context, start: int, end: int) -> tuple[int, int]:
    """A span that is part of a hyphen-joined name the gazetteer knows is that name:
    "Mourmelon-le-Grand", never its last part "Grand" (but "Kherson-based" stays Kherson)."""
    gaz = ctx.gazetteer
    if gaz is None:
        return start, end
    wide_start, wide_end = _whole_word(ctx.document.text, start, end)
    if (wide_start, wide_end) == (start, end):
        return start, end
    return (
        (wide_start, wide_end)
        if gaz.features(ctx.document.text[wide_start:wide_end])
        else (start, end)
    )


def _whole_word(text: str, start: int, end: int) -> tuple[int, int]:
    """A span widened over the hyphen-joined words it is part of."""
    while start > 1 and text[start - 1] in _HYPHENS and text[start - 2].isalpha():
        start -= 1
        while start > 0 and (text[start - 1].isalpha() or text[start - 1] in "'’"):
            start -= 1
    while end + 1 < len(text) and text[end] in _HYPHENS and text[end + 1].isalpha():
        end += 1
        while end < len(text) and (text[end].isalpha() or text[end] in "'’"):
            end += 1
    return start, end


def recognise(ctx: Context) -> Iterator[tuple[int, int]]:
    """Character spans of toponyms (before nesting is resolved)."""
    gaz = ctx.gazetteer
    covered: set[int] = set()
    for ent in ctx.ents:
        covered.update(range(ent.start, ent.end))
        parts = _route_parts(ctx, ent)
        if parts:
            yield from parts
            continue
        span = _entity_place(ctx, ent)
        if span is not None:
            yield span
        elif ent.label_ in MISLABELLED and gaz is not None and not _designated(ctx, ent):
            yield from _scan(ctx, gaz, ent.start, ent.end, strong_only=True)
    if gaz is None:
        return
    free = [i for i in range(len(ctx.tokens)) if i not in covered]
    for run in _runs(free):
        yield from _scan(ctx, gaz, run[0], run[-1] + 1, strong_only=False)
    yield from _across(ctx, gaz)
    yield from _datelines(ctx, gaz)
    yield from _locatives(ctx, gaz)
    yield from _route_slots(ctx, gaz)
    yield from _trip_noun_slots(ctx, gaz)
    yield from _marked_routes(ctx, gaz)
    yield from _cued(ctx, gaz)
    for ent in ctx.ents:
        if ent.label_ in ("ORG", "NORP"):
            yield from _country_modifier(ctx, gaz, ent)


_ROUTE_MARK = re.compile(r"\s*(?:[–—→>]|->)\s*")


def _route_parts(ctx: Context, ent: SpacySpan) -> list[tuple[int, int]]:
    """An entity that is a route written out ("the Ramstein–Incirlik–Al Udeid route", tagged
    as one name) is its stops, when the whole is no name the gazetteer knows and every part
    is one."""
    gaz, surface = ctx.gazetteer, ent.text
    if gaz is None or not _ROUTE_MARK.search(surface) or gaz.features(surface):
        return []
    parts, cursor = [], 0
    for mark in [*_ROUTE_MARK.finditer(surface), None]:
        stop = mark.start() if mark else len(surface)
        start, end = _trim(surface[cursor:stop], ent.start_char + cursor)
        if end <= start or not gaz.features(ctx.document.text[start:end]):
            return []
        parts.append((start, end))
        cursor = mark.end() if mark else stop
    return parts if len(parts) >= 2 else []


def _entity_place(ctx: Context, ent: SpacySpan) -> tuple[int, int] | None:
    surface = ent.text  # joined once: `span.text` rebuilds the string on every access
    start, end = _trim(surface, ent.start_char)
    named = ent.label_ in PLACE_LABELS
    # The cheap tests before `_usable`: most entities are knowledge-base names.
    if end <= start or ent.ent_id_.startswith(KB_NOT_PLACE):
        return None
    if not named and (ctx.gazetteer is None or ent.ent_id_):
        return None  # a knowledge-base name that is not a place name (org, outlet, seat)
    if not _usable(ctx, start, end) or _opens_feature_phrase(ctx, surface, ent.end):
        return None  # (also "Naval" in "Naval Station Rota": the kind of place, no name)
    if not named and _designated(ctx, ent):
        return None  # "a CP-140 Aurora", "an MV-22B Osprey": the type's name, not a city
    if named:
        unknown = ctx.gazetteer is not None and not ctx.gazetteer.features(surface)
        if unknown and (any(ch.isdigit() for ch in surface) or _owned(ctx, start, end)):
            return None  # tail numbers ("RF-94128"), groups ("M23"), an org's own name
        return _with_cue(ctx, start, _complete_of(ctx, ent, end))
    gaz = ctx.gazetteer
    assert gaz is not None  # tested above
    text = ctx.document.text[start:end]
    if _has_cue(_cues(ctx), text):
        # An airfield, base or port name the gazetteer knows is a place whatever the model's
        # label ("Simón Bolívar International Airport" ORG, "Clark Air Base" PERSON), and so
        # is a known city's port or base ("Cam Ranh International Port").
        known = gaz.features(text) & SITE_FEATURES or gaz.features(_cues(ctx).cue_core(text)) & (
            SITE_FEATURES | {"city", "locality"}
        )
        return (start, end) if known else None
    if _ICAO.match(text) and gaz.codes(text):
        return start, end
    if gaz.key(text) not in gaz.scan_keys or _is_demonym(ctx, text):
        return None
    # The small model tags unfamiliar toponyms ORG, NORP or PERSON ("Homs", "Aleppo",
    # "Bosphorus"); a whole entity that is a known place name is one. Which kinds of place
    # count depends on the label: a surname can be a city ("Jackson"), an adjective a
    # province ("Western").
    if gaz.features(text) & WHOLE_ENTITY_FEATURES.get(ent.label_, _NAMED):
        return _with_cue(ctx, start, end)
    return None


def _designated(ctx: Context, ent: SpacySpan) -> bool:
    """A name the parser compounds with a type designator right before it."""
    if ent.start == 0 or ent.start - 1 not in ctx.equipment_tokens():
        return False
    before = ctx.tokens[ent.start - 1]
    return before.dep_ == "compound" and ent.start <= before.head.i < ent.end


def _complete_of(ctx: Context, ent: SpacySpan, end: int) -> int:
    """The model sometimes stops at "of" ("the Gulf of" | "Finland"): take the name after it."""
    doc = ctx.doc
    if ent[-1].lower_ != "of":
        return end
    j = ent.end
    while j < len(doc) and j < ent.end + 3 and _capitalised(doc[j]):
        j += 1
    return doc[j - 1].idx + len(doc[j - 1]) if j > ent.end else end


def _locatives(ctx: Context, gaz: Geocoder) -> Iterator[tuple[int, int]]:
    """A capitalised name right after a locative ("landed at Anadyr", "the port of Ust-Luga")
    is a place when the gazetteer knows the name exactly."""
    doc, tokens, caps = ctx.doc, ctx.tokens, ctx.capitalised_tokens()
    cues = _cues(ctx)
    for tok in tokens[1:]:
        if not caps[tok.i] or tok.is_sent_start:
            continue  # cheap tests first: most tokens are not capitalised
        prev = tokens[tok.i - 1]
        before = f"{tokens[tok.i - 2].lower_} {prev.lower_}" if tok.i > 1 else ""
        kind = cues.locative(prev.lower_) or cues.locative(before)
        if kind is None:
            continue
        ent = ctx.ent_of(tok)
        if ent is not None and _misdated(ent):
            ent = None  # "arrived in Montevideo on Sunday" with "Montevideo" tagged DATE
        if ent is not None and (
            ent.ent_id_
            or ent.label_ not in LOCATIVE_LABELS
            or (ent.label_ == "PERSON" and kind == "weak" and len(ent) < 2)
            or (ent.start != tok.i and ent.label_ not in INSIDE_LOCATIVE_LABELS)
            or _owner(ctx, ent)
        ):
            continue
        j = _known_run(ctx, gaz, tok.i)
        if (
            ent is not None
            and ent.label_ not in INSIDE_LOCATIVE_LABELS
            and j is not None
            and j != ent.end
            and doc[j].lower_ not in ("'s", "’s")
        ):
            continue  # the whole entity must be the place ("to King Mohammed VI" is not)
        if j is not None:
            start, end = tok.idx, doc[j - 1].idx + len(doc[j - 1])
            if _usable(ctx, start, end):
                yield _with_cue(ctx, start, end)


def _route_slots(ctx: Context, gaz: Geocoder) -> Iterator[tuple[int, int]]:
    """The object of a route preposition of a motion verb ("took off from Engels", "moved
    by rail to Kherson", "touched down at Migalovo"), or of a verb whose object is a route
    point ("departed Migalovo"), is a place when the gazetteer knows the name, whatever
    label the model gave it: the verb, not the label, says it is one. Airfields count here
    (the motion verb is the cue they otherwise need)."""
    motion = ctx.kb.events.motion
    lemmas, route_words = motion.verb_lemmas, motion.route_words
    for verb in ctx.tokens:
        if verb.pos_ not in {"VERB", "AUX"}:
            continue  # before the lemma: most words are not verbs
        lemma = motion.motion_lemma(verb.lemma_.casefold(), verb.lower_, verb.tag_)
        if (
            lemma not in lemmas
            and not _under_way(verb, route_words)
            and verb.lower_ not in route_words  # "are bound for Baltiysk"
        ):
            continue
        roles = motion.route_preps(lemma)
        prepositions = list(_route_prep_tokens(verb, roles, motion.extent_words))
        # "on its way from Mildenhall to Al Udeid": a route word's own phrases.
        prepositions += [
            c
            for t in ctx.subtree_holding(verb, lambda t: t.lower_ in route_words)
            if t.lower_ in route_words and t.i != verb.i
            for c in children(t)
            if c.dep_ == "prep" and (c.lower_ in motion.chain_preps or c.lower_ == "from")
        ]
        objects = [o for p in prepositions for o in children(p) if o.dep_ == "pobj"]
        objects += [c for c in children(verb) if misread_to_name(c)]  # "to Amdjarass"
        objects += _slots_in_word_order(
            verb, roles or motion.chain_preps | {"from"}, motion.takes_place_object(lemma), motion
        )
        # "An Il-76 from Chkalovsky landed at Hmeimim": where the craft came from (a named
        # craft only: "a letter from Jackson arrived" is no trip from a place).
        movers = [c for c in children(verb) if c.dep_ in {"nsubj", "nsubjpass"}]
        movers += [a for m in movers for a in children(m) if a.dep_ == "appos"]
        craft = ctx.equipment_tokens()
        objects += [o for m in movers if m.i in craft for o in from_objects(m)]
        if motion.takes_place_object(lemma):
            objects += [c for c in children(verb) if c.dep_ == "dobj"]
            if verb.dep_ in {"amod", "compound"} and verb.tag_ == "VBD":
                objects.append(verb.head)  # "An A400M left Wunstorf" parsed as a modifier
        cues = _cues(ctx).feature_words
        # "sailing to the waters off Qaqortoq": the name in the feature word's phrase.
        objects += [
            o
            for obj in objects
            if obj.lower_ in cues
            for p in children(obj)
            if p.dep_ == "prep" and p.lower_ in AREA_PREPS
            for o in children(p)
            if o.dep_ == "pobj"
        ]
        # (one look per word: the parse and the word-order reading often find the same one)
        unique = {o.i: o for o in objects}.values()
        for obj in (o for o in unique if _capitalised(o) or o.lower_ in cues):
            span = _slot_place(ctx, gaz, obj, verb)
            if span is not None:
                yield span


def _trip_noun_slots(ctx: Context, gaz: Geocoder) -> Iterator[tuple[int, int]]:
    """A trip told as a noun has route slots as its verb does: "the deployment of Bastion-P
    launchers to Paramushir", "the arrival of the submarine Novorossiysk at Tartus" (the
    parser hangs the place off what arrived)."""
    motion = ctx.kb.events.motion
    for noun in ctx.tokens:
        if noun.pos_ != "NOUN":
            continue
        kind = motion.trip_events.get(noun.lemma_.casefold())
        if kind is None:
            continue
        roles = motion.classes[kind].preps
        cues = _cues(ctx).feature_words
        heads = [noun, *(o for w, o in preps(noun) if w in motion.trip_event_preps)]
        slots = [
            obj
            for head in heads
            for word, obj in preps(head)
            if roles.get(word, "date") != "date" and word != "of"
        ]
        for obj in (o for o in slots if _capitalised(o) or o.lower_ in cues):
            span = _slot_place(ctx, gaz, obj, noun)
            if span is not None:
                yield span


def _slots_in_word_order(
    verb: Token, roles: frozenset[str], takes_object: bool, motion: Motion
) -> list[Token]:
    """The first word after each route preposition of the verb's clause, read in word
    order ("An Il-76 departed Orenburg for Hmeimim", where the parse hangs "for Hmeimim"
    off a name it took for the verb's subject), and the word right after a verb whose
    object is a route point ("departed Orenburg"): up to the clause's next finite verb or
    a source ("according to")."""
    tokens = parse_tree(verb.doc).tokens  # (indexing a Doc builds a token each time)
    end = sentence(verb).end
    out = [tokens[verb.i + 1]] if takes_object and verb.i + 1 < end else []
    for token in tokens[verb.i + 1 : end]:
        if token.tag_ in FINITE_TAGS or token.text in _CLAUSE_MARKS:
            break
        if token.lower_ in motion.source_words:
            break
        if token.lower_ not in roles or token.i + 1 >= end:
            continue
        after = tokens[token.i + 1]
        if after.pos_ == "DET" and after.i + 1 < end:
            after = tokens[after.i + 1]
        out.append(after)
    return out


_CLAUSE_MARKS = frozenset({";", "(", ":"})


def _slot_place(ctx: Context, gaz: Geocoder, obj: Token, verb: Token) -> tuple[int, int] | None:
    # The name starts in the object's phrase after the verb ("departed Benina airport",
    # even when parsed as a modifier of "airport"), at its first capitalised word that is
    # not a function word ("The").
    first = ctx.doc[max(obj.left_edge.i, verb.i + 1 if verb.i < obj.i else 0)]
    while first.i < obj.i and (not _capitalised(first) or first.is_stop):
        first = ctx.doc[first.i + 1]
    # "into Naval Station Rota": the place's kind written before its name is no name.
    first = ctx.tokens[_past_feature_phrase(ctx, first.i, obj.i)]
    ent = ctx.ent_of(first)
    if ent is not None and _misdated(ent):
        ent = None
    if ent is not None and (
        ent.ent_id_ or ent.label_ in PLACE_LABELS or ent.label_ in _NEVER_PLACES
    ):
        return None  # a known non-place name, a date or number, or already a candidate
    if ent is not None and _owner(ctx, ent):
        return None
    end = _known_run(ctx, gaz, first.i, ROUTE_FEATURES, loose=True)
    # "to the Kursk region", "at Engels air base": a name before a feature word.
    cue_word = obj.lower_ in _cues(ctx).feature_words
    if end is None or (end <= obj.i and not cue_word):
        return None
    start, stop = first.idx, ctx.doc[end - 1].idx + len(ctx.doc[end - 1])
    if stop - start < 2:
        return None  # a single letter ("A: Egypt has not ...", a speaker's label) names no place
    # "from Mildenhall to Al Udeid" tagged as one organisation: an entity running across a
    # route preposition owns none of the names in it.
    route_words = ctx.kb.events.motion.chain_preps | {"from"}
    misread = ent is not None and any(t.lower_ in route_words for t in ent)
    return _with_cue(ctx, start, stop) if misread or _usable(ctx, start, stop) else None


def _misdated(ent: SpacySpan) -> bool:
    """A name the model tagged DATE with no word of a date in it ("Montevideo"): in a route
    slot or after a locative it may be a place (the gazetteer decides)."""
    return ent.label_ == "DATE" and all(
        t.pos_ == "PROPN" and t.is_title and t.lower_.rstrip(".") not in CALENDAR_WORDS for t in ent
    )


def _owner(ctx: Context, ent: SpacySpan) -> bool:
    """ "at Leonardo's helicopter academy": an organisation owning what the phrase names (a
    place word's possessor is where it is: "Anadyr's Ugolny airport")."""
    root = ent.root
    return (
        ent.label_ == "ORG"
        and root.dep_ == "poss"
        and root.head.lower_ not in _cues(ctx).feature_words
    )


def _cue_words(ctx: Context) -> frozenset[str]:
    """Single-word feature cues ("region", "airport", "base")."""
    return frozenset(w.lower() for c in _cues(ctx).feature_cues for w in c.words if " " not in w)


def _under_way(verb: Token, route_words: frozenset[str]) -> bool:
    """ "is on its way to Darwin", "is en route to X": a copula whose phrase is a route word."""
    return verb.lemma_ == "be" and any(
        o.lower_ in route_words for p in children(verb) if p.dep_ == "prep" for o in children(p)
    )


def _marked_routes(ctx: Context, gaz: Geocoder) -> Iterator[tuple[int, int]]:
    """ "The Il-62M did Chkalovsky–Hmeimim": two names joined by a route mark, in a sentence
    that names a craft, are places when the gazetteer knows both (airfields too: the mark is
    the cue), whatever the model's labels ("the Smith–Jones agreement" names no craft)."""
    # (not a hyphen, which joins the parts of one name: "ADS-B", "Kosiniak-Kamysz")
    marks = ctx.kb.events.motion.route_marks - {"-"}
    tokens = ctx.tokens
    craft = ctx.equipment_tokens()
    for i in range(1, len(tokens) - 1):
        if tokens[i].text not in marks or _set_apart_dash(tokens[i - 1], tokens[i]):
            continue
        sent = sentence(tokens[i])
        if not any(j in craft for j in range(sent.start, sent.end)):
            continue
        left = next(
            (
                k
                for k in range(max(0, i - 4), i)
                if _known_run(ctx, gaz, k, ROUTE_FEATURES, loose=True) == i
            ),
            None,
        )
        right = _known_run(ctx, gaz, i + 1, ROUTE_FEATURES, loose=True)
        if left is None or right is None:
            continue
        yield tokens[left].idx, tokens[i - 1].idx + len(tokens[i - 1])
        yield tokens[i + 1].idx, tokens[right - 1].idx + len(tokens[right - 1])


def _set_apart_dash(before: Token, mark: Token) -> bool:
    """A dash with space around it sets a clause apart ("GDAŃSK, Poland — The first"); one
    joining two names is a route ("Chkalovsky–Hmeimim"). Arrows are routes either way."""
    return mark.text in "–—" and bool(before.whitespace_ or mark.whitespace_)


def _route_prep_tokens(
    verb: Token, roles: frozenset[str], extent: frozenset[str] = frozenset()
) -> Iterator[Token]:
    """The verb's route prepositions, with the ones the parser hangs off a particle ("took
    off from X"), off another route phrase ("from X to Y"), off what the verb carries
    ("flew two launchers and their crews from X to Y") or off an adverb of extent ("flew
    as far as Darwin")."""
    # ("brought two AH-64Es to Rzeszow": the parser can make "to" a dative)
    stack = [c for c in children(verb) if c.dep_ in {"prep", "dative", "prt", "advmod"}]
    # "flew first to Lajes and then to Gran Canaria": a preposition coordinated with the verb.
    stack += [c for c in children(verb) if c.dep_ == "conj" and c.pos_ == "ADP"]
    for obj in (c for c in children(verb) if c.dep_ == "dobj"):
        carried = [obj, *(c for c in children(obj) if c.dep_ == "conj")]
        stack.extend(c for o in carried for c in children(o) if c.dep_ == "prep")
    while stack:
        node = stack.pop()
        if node.dep_ in {"prep", "dative", "conj"} and (
            node.lower_ in roles or (node.lower_ == "as" and node.head.lower_ in extent)
        ):
            yield node
            stack.extend(c for o in children(node) if o.dep_ == "pobj" for c in children(o))
        # "flown out of Montijo": a particle parsed as a preposition with no object of its
        # own holds the route preposition.
        if (
            node.dep_ in {"prt", "advmod"}
            or (node.dep_ == "prep" and node.lower_ in roles)
            or (node.dep_ == "prep" and not any(c.dep_ == "pobj" for c in children(node)))
        ):
            stack.extend(c for c in children(node) if c.dep_ == "prep")


def _known_run(
    ctx: Context,
    gaz: Geocoder,
    i: int,
    features: frozenset[str] | None = None,
    *,
    loose: bool = False,
) -> int | None:
    """End of the longest capitalised run from token i that the gazetteer knows exactly."""
    tokens, caps, text = ctx.tokens, ctx.capitalised_tokens(), ctx.document.text
    j = i
    while j < len(tokens) and j < i + 5 and (caps[j] or _name_inner(ctx, j, i)):
        j += 1
    for end in range(j, i, -1):
        surface = text[tokens[i].idx : tokens[end - 1].idx + len(tokens[end - 1])]
        if (
            caps[end - 1]
            and not _is_demonym(ctx, surface)
            and (gaz.loose_features if loose else gaz.features)(surface)
            & (features or LOCATIVE_FEATURES)
        ):
            return end  # airfields need a cue or a code, not just a preposition
    return None


def _cued(ctx: Context, gaz: Geocoder) -> Iterator[tuple[int, int]]:
    """A capitalised name followed by a feature cue ("Ugolny airport", "Masnaa border
    crossing" is not one) that the gazetteer knows as such a site."""
    text = ctx.document.text
    for m in _cues(ctx).cue_regex().finditer(text):
        words = list(re.finditer(r"\S+", m.group(1)))
        for k in range(len(words)):
            start = m.start(1) + words[k].start()
            name = text[start : m.end()]
            if gaz.features(name) & SITE_FEATURES and _usable(ctx, start, m.end()):
                yield start, m.end()
                break


def _country_modifier(ctx: Context, gaz: Geocoder, ent: SpacySpan) -> Iterator[tuple[int, int]]:
    """A country name opening an organisation's name names the country ("the US Air Force",
    "Kenya Police"); a demonym does not ("Russian Air Force")."""
    if len(ent) < 2:
        return
    for j in range(min(len(ent) - 1, 3), 0, -1):
        head = ent[:j]
        if "country" in gaz.features(head.text) and not _is_demonym(ctx, head.text):
            yield head.start_char, head.end_char
            return


def _across(ctx: Context, gaz: Geocoder) -> Iterator[tuple[int, int]]:
    """Multi-word strong names that the model split or cut ("the Strait of" + "Gibraltar"),
    unless they sit inside a non-place entity ("Black Sea Fleet")."""
    for start, end in _scan(ctx, gaz, 0, len(ctx.tokens), strong_only=True, min_words=2):
        inside = [
            e
            for e in ctx.ents
            if e.start_char <= start
            and end <= e.end_char
            and (e.end_char - e.start_char) > (end - start)
        ]
        if not any(e.label_ not in PLACE_LABELS for e in inside):
            yield start, end


_RUN_ON = re.compile(
    r"(?<!\bof)(?<!\bde)(?<!\bdel)(?<!\bla)\s+(?:the|a|an|this|that|last|next)(?:\s.*)?$"
)


def _trim(text: str, offset: int) -> tuple[int, int]:
    """Drop a leading article or stray possessive and a trailing possessive."""
    lead = _ARTICLE.match(text)
    cut = lead.end() if lead else 0
    # "Ramstein (ETAR": an entity the model ran into a bracketed code ends at the bracket.
    body = _POSSESSIVE.sub("", text[cut:].split("(", 1)[0].rstrip())
    # "Ramstein the next day": an entity the model ran into the time phrase after it ends
    # before its article ("Isle of the Dead" keeps its own).
    run_on = _RUN_ON.search(body)
    if run_on is not None:
        body = body[: run_on.start()]
    return offset + cut, offset + cut + len(body.rstrip())


_REGISTER_NUMBER = re.compile(r"[^\S\n]*:?[^\S\n]*\d{5,}\b")


def _usable(ctx: Context, start: int, end: int) -> bool:
    """Not a demonym, not a ship's name, not a piece of a longer organisation/unit name, not
    a register's label before its number ("IMO 9743033" is no Imo State)."""
    text = ctx.document.text
    if _is_demonym(ctx, text[start:end]) or _REGISTER_NUMBER.match(text, end):
        return False
    if _cues(ctx).ship_name_at(text, start) or _cues(ctx).class_name_at(text, end):
        return False
    return not any(
        e.kind in OWNER_KINDS
        and m_start <= start
        and end <= m_end
        and (m_end - m_start) > (end - start)
        for e, m_start, m_end in ctx.mentions_over(start, end)
    )


def _demonym_country(ctx: Context, name: str) -> str | None:
    hit = ctx.kb.countries.lookup(name)  # its key() is cached: the scans ask about the same names
    return hit.iso3 if hit is not None and hit.via == "demonym" else None


def _owned(ctx: Context, start: int, end: int) -> bool:
    """An earlier step found an organisation/unit with exactly this name."""
    return any(
        e.kind in OWNER_KINDS and m_start == start and m_end == end
        for e, m_start, m_end in ctx.mentions_over(start, end)
    )


_HAS_CUE: dict[int, tuple[GeoCues, Callable[[str], bool]]] = {}


def _has_cue(cues: GeoCues, name: str) -> bool:
    """`cues.has_cue(name)`, remembered per name: it tries every cue on every entity, and
    the same names recur from document to document."""
    cached = _HAS_CUE.get(id(cues))
    if cached is None or cached[0] is not cues:
        cached = _HAS_CUE[id(cues)] = (cues, lru_cache(maxsize=1 << 16)(cues.has_cue))
    return cached[1](name)


def _name_inner(ctx: Context, j: int, start: int) -> bool:
    """A lower-case token inside a capitalised name: a hyphen, a possessive before another
    capitalised word ("Simon's Town", "King's Lynn"), or an Arabic article hyphened to the
    next word ("Ain al-Asad", "Sharm el-Sheikh")."""
    tokens = ctx.tokens
    word = tokens[j].text
    if word in "-‐":
        return True
    if tokens[j].tag_ == "POS" and j > start and j + 1 < len(tokens):
        return ctx.capitalised_tokens()[j + 1]
    # "Mont-de-Marsan", "Stratford-upon-Avon": a lower-case word between two hyphens.
    if _between_hyphens(tokens, j, start):
        return True
    return (
        j > start
        and word.lower() in _cues(ctx).skeleton_drop_words
        and j + 1 < len(tokens)
        and tokens[j + 1].text in "-‐"
    )


def _between_hyphens(tokens: Sequence[Token], j: int, start: int) -> bool:
    word = tokens[j].text
    return (
        start < j < len(tokens) - 1
        and word.isalpha()
        and word.islower()
        and tokens[j - 1].text in "-‐"
        and tokens[j + 1].text in "-‐"
    )


def _cues(ctx: Context) -> GeoCues:
    """The geocoder's cue table (kb/data/geo_cues.yaml): ships, cues, locatives."""
    return ctx.kb.geo_cues


def _is_demonym(ctx: Context, name: str) -> bool:
    return _demonym_country(ctx, name) is not None


def _demonyms(ctx: Context) -> list[str]:
    """The country of each demonym outside captions ("Egyptian authorities"), and once each
    the countries of the armed services and navies' ship prefixes named ("an RAAF C-130J",
    "HMS Astute": their bases are the likelier "Richmond" and "Devonport"): context."""
    found = []
    for ent in ctx.ents:
        if ent.label_ == "NORP" and not ctx.in_caption(ent.start_char):
            iso3 = _demonym_country(ctx, ent.text)
            if iso3:
                found.append(iso3)
    services = {e.country for e in ctx.entities if e.sector == "MIL" and e.country}
    navies = {
        navy
        for ent in ctx.ents
        if ent.label_ == "EQUIPMENT" and (navy := ctx.kb.equipment.navy_of(ent.text))
    }
    return found + sorted((services | navies) - set(found))


def _with_cue(ctx: Context, start: int, end: int) -> tuple[int, int]:
    """Extend a name by a feature cue right after it ("Khmeimim" + " air base") when the
    longer name is known or the name is that kind of place; and by a direction adjective
    before it when the longer name is known ("eastern Mediterranean")."""
    text, gaz = ctx.document.text, ctx.gazetteer
    start = _with_direction(ctx, start, end)
    pattern, features = _extending(_cues(ctx))
    cue = pattern.match(text[end : end + 40].lower())
    if cue is not None:
        longer = end + cue.end()
        if (
            gaz is None
            or gaz.features(text[start:longer])
            or gaz.features(text[start:end]) & features[cue.group(1)]
            or gaz.reachable(text[start:longer]) & features[cue.group(1)]
        ):
            # "Niamey air base 101", "Air Base 201": a field's number is part of its name.
            number = _FIELD_NUMBER.match(text, longer)
            return start, number.end() if number else longer
    return start, end


_FIELD_NUMBER = re.compile(r"\s\d{1,3}\b(?![.,:]\d)")


_EXTENDING: dict[int, tuple[GeoCues, re.Pattern[str], dict[str, frozenset[str]]]] = {}


def _extending(cues: GeoCues) -> tuple[re.Pattern[str], dict[str, frozenset[str]]]:
    """The extending cues as one regex (longest first, so the first alternative that
    matches is the one a loop over the sorted list would take) and their features; built
    once per cue table instead of re-sorted for every name."""
    cached = _EXTENDING.get(id(cues))
    if cached is None or cached[0] is not cues:
        pairs = cues.extending_cues()
        features = dict(reversed(pairs))  # the first (longest-first) entry of a word wins
        alternation = "|".join(re.escape(word) for word, _ in pairs) or r"(?!x)x"
        cached = _EXTENDING[id(cues)] = (cues, re.compile(rf"\s({alternation})\b"), features)
    return cached[1], cached[2]


def _with_direction(ctx: Context, start: int, end: int) -> int:
    gaz = ctx.gazetteer
    word, back = _word_before(ctx.document.text[max(0, start - 20) : start])
    if gaz is None or not word or not _cues(ctx).is_direction(word):
        return start
    longer = start - back
    wider = gaz.features(ctx.document.text[longer:end])
    alone = gaz.features(ctx.document.text[start:end])
    # Only our own curated longer names ("eastern Mediterranean") win over a known shorter
    # one: "southern Red Sea" is also an Eritrean region, but the text means the sea.
    return longer if wider and (not alone or "curated" in wider) else start


def _word_before(before: str) -> tuple[str, int]:
    r"""The word that `before` ends with, followed by white space, and how far back from the
    end it starts: what `re.search(r"(\w+)\s+$", before)` finds, without trying the
    pattern at every position (most windows end in a word's white space)."""
    core = before.rstrip()  # str.isspace is the pattern's \s
    if len(core) == len(before):
        return "", 0  # no white space at the end: no match
    first = len(core)
    while first > 0 and (core[first - 1].isalnum() or core[first - 1] == "_"):  # \w
        first -= 1
    return core[first:], len(before) - first


def _runs(indices: list[int]) -> list[list[int]]:
    runs: list[list[int]] = []
    for i in indices:
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def _scan(
    ctx: Context, gaz: Geocoder, lo: int, hi: int, strong_only: bool, min_words: int = 1
) -> Iterator[tuple[int, int]]:
    """Longest gazetteer scan-key matches over tokens [lo, hi) that begin with a capital."""
    doc, tokens = ctx.doc, ctx.tokens
    caps = ctx.capitalised_tokens()
    i = lo
    while i < hi:
        match = _match_at(ctx, gaz, doc, i, hi, strong_only, min_words) if caps[i] else None
        if match is None:
            i += 1
            continue
        start, end = tokens[i].idx, tokens[match - 1].idx + len(tokens[match - 1])
        if _usable(ctx, start, end):
            yield _with_cue(ctx, start, end)
        i = match


def _match_at(
    ctx: Context, gaz: Geocoder, doc: Doc, i: int, hi: int, strong_only: bool, min_words: int
) -> int | None:
    tokens, text = ctx.tokens, ctx.document.text
    if not _may_open_name(gaz, tokens[i].text):
        return None
    caps = ctx.capitalised_tokens()
    for j in range(min(hi, i + MAX_WORDS), i + min_words - 1, -1):
        if not caps[j - 1]:
            continue
        surface = text[tokens[i].idx : tokens[j - 1].idx + len(tokens[j - 1])]
        if _ICAO.match(surface) and gaz.codes(surface):
            return j
        k = gaz.key(surface)
        if k not in gaz.scan_keys:
            continue
        if len(k) <= 3 and not (_acronym(surface) and gaz.features(surface) & {"country", "admin"}):
            continue  # "US", "UK", "UAE"; not "JAS" (a Gripen), nor "Us"
        if strong_only and not gaz.features(surface) & STRONG:
            continue
        if not strong_only and not (tokens[i].pos_ == "PROPN" or surface.isupper()):
            continue  # a capitalised common word at the start of a sentence
        if not _is_demonym(ctx, surface) and not _opens_feature_phrase(ctx, surface, j):
            return j
    return None


def _past_feature_phrase(ctx: Context, i: int, last: int) -> int:
    """The first token after a feature cue phrase starting at token i ("Naval Station" in
    "Naval Station Rota"), up to `last`; i when none starts there."""
    words, tokens = _cue_phrases(ctx), ctx.tokens
    phrase = tokens[i].lower_
    for k in range(i + 1, min(i + 4, last + 1)):
        phrase = f"{phrase} {tokens[k].lower_}"
        if phrase in words and k + 1 <= last:
            return k + 1
    return i


def _opens_feature_phrase(ctx: Context, surface: str, j: int) -> bool:
    """ "Naval Station Rota", "Air Base 104": a word that a place's kind begins with, written
    before the name ("Naval" is also a town in the Philippines), is no place of its own."""
    words = _cue_phrases(ctx)
    tokens = ctx.tokens
    phrase = surface.casefold()
    for k in range(j, min(j + 3, len(tokens))):
        phrase = f"{phrase} {tokens[k].lower_}"
        if phrase in words:
            return True
    return False


def _cue_phrases(ctx: Context) -> frozenset[str]:
    """Every feature cue of more than one word ("naval station", "air force base")."""
    table = _cues(ctx)
    found = _CUE_PHRASES.get(id(table))
    if found is None:
        found = frozenset(w for cue in table.feature_cues for w in cue.words if " " in w)
        _CUE_PHRASES[id(table)] = found
    return found


_CUE_PHRASES: dict[int, frozenset[str]] = {}


def _may_open_name(gaz: Geocoder, word: str) -> bool:
    """False when no scanned name or airfield code can start with this word (most words):
    then no longer surface is built and keyed."""
    return bool(_ICAO.match(word)) or gaz.may_open_scan_key(word)


def _acronym(surface: str) -> bool:
    """Short keys ("US", "UK") count only as capitals of two letters or more ("U.S.")."""
    letters = [ch for ch in surface if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


def _capitalised(token: Token) -> bool:
    return token.text[:1].isupper()


def _datelines(ctx: Context, gaz: Geocoder) -> Iterator[tuple[int, int]]:
    """ "RIGA, Latvia —": an all-capitals place name opening a line."""
    for m in _DATELINE.finditer(ctx.document.text):
        name = m.group(1).strip()
        if gaz.key(name) in gaz.scan_keys:
            yield m.start(1), m.start(1) + len(name)


def _drop_nested(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A place inside a longer place name is not listed apart ("Strait of Gibraltar").
    `spans` are sorted and distinct: a span lies inside another when one before it ends no
    earlier, or when the next one starts where it does (and so ends later)."""
    kept = []
    reach = -1  # the furthest end of the spans before this one
    for k, (start, end) in enumerate(spans):
        shares_start = k + 1 < len(spans) and spans[k + 1][0] == start
        if reach < end and not shares_start:
            kept.append((start, end))
        reach = max(reach, end)
    return kept


def _unresolved(ctx: Context, spans: list[tuple[int, int]]) -> list[Place]:
    """Geocoding off: the toponyms are still listed, by name, without coordinates."""
    text = ctx.document.text
    by_name: dict[str, list[tuple[int, int]]] = {}
    for s, e in spans:
        by_name.setdefault(" ".join(text[s:e].casefold().split()), []).append((s, e))
    return [
        Place(
            id=stable_id("plc", ctx.document.id, name),
            name=text[m[0][0] : m[0][1]],
            mentions=[Span(start=s, end=e) for s, e in m],
            reason="geocoding is off (no gazetteer loaded)",
        )
        for name, m in by_name.items()
    ]
