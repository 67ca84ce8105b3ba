"""Equipment in the spaCy pipeline: designators kept whole, and tagged EQUIPMENT before `ner`.

The base model splits "Il-62M" into "Il-62" + "M" (the "M" looks like a unit suffix) and tags
"An-124" as PERSON; both rules below fix that from the equipment catalogue in kb/data.

EQUIPMENT spans are: catalogue designators and aliases (hand-listed, ICAO Doc 8643 types,
variant suffixes; see kb/tables/equipment.py), designators known by form ("Project 22160",
"Kilo-class"), ships named in the text ("USS Carney", "the frigate Admiral Makarov" -> the
name, and later bare mentions of it) and, next to their designator, reporting names. A span
that `Table.lookup` does not answer is a named ship: `Table.vessel_match` turns it into an
asset.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span

from wirewatch.kb import KnowledgeBase
from wirewatch.kb.tables.equipment import Match, Table
from wirewatch.nlp.equipment_nouns import nouns_in
from wirewatch.nlp.kb_ruler import patterns
from wirewatch.nlp.text import text_of

LABEL = "EQUIPMENT"
# The last words of a sea's name that its adjective drops ("Baltic Sea" -> "the Baltic frigate").
_SEA_WORDS = ("Sea", "Ocean")


def keep_designators(nlp: Language, kb: KnowledgeBase) -> None:
    """Tokenizer rule: a token shaped like a designator is never split by affix rules."""
    table = kb.equipment
    tokenizer = nlp.tokenizer
    if not isinstance(tokenizer, Tokenizer):  # spaCy types the slot as any callable
        raise TypeError(f"designator rules need spaCy's Tokenizer, not {type(tokenizer)}")
    ours = table.designator_token
    previous = tokenizer.token_match
    if previous is not None:
        # Keep the model's own rule: one alternation, so the tokenizer still serialises.
        ours = f"(?:{ours})|(?:{previous.__self__.pattern})"
    tokenizer.token_match = re.compile(ours).match
    suffix = tokenizer.suffix_search
    if table.designator_suffixes and suffix is not None:
        extra = "|".join(table.designator_suffixes)
        tokenizer.suffix_search = re.compile(f"{suffix.__self__.pattern}|{extra}").search


class EquipmentRuler:
    """Marks catalogue designators, aliases, forms, named ships and (next to their
    designators) reporting names as EQUIPMENT."""

    def __init__(self) -> None:
        self.table: Table | None = None
        self.known: frozenset[str] = frozenset()
        self.regions: frozenset[str] = frozenset()

    def setup(self, kb: KnowledgeBase) -> None:
        self.table = kb.equipment
        # Names the knowledge base holds for something else (countries, demonyms,
        # organisations, outlets): "the vessel Iran seized" names no ship "Iran". Not
        # capitals: ships are named after cities ("the frigate Ottawa", "INS Delhi").
        self.known = frozenset(
            p["pattern"] for p in patterns(kb) if not p["id"].startswith("capital:")
        )
        self.regions = frozenset(_region_names(kb))

    def __call__(self, doc: Doc) -> Doc:
        if self.table is None or not len(doc):
            return doc
        spans = find_equipment(doc, self.table, self.known, self.regions)
        if spans:
            taken = {i for span in spans for i in range(span.start, span.end)}
            kept = [e for e in doc.ents if not taken & set(range(e.start, e.end))]
            doc.ents = sorted([*kept, *spans], key=lambda span: span.start)
        return doc


def _region_names(kb: KnowledgeBase) -> set[str]:
    """The names of the curated seas and regions, and of each sea without "Sea"."""
    out: set[str] = set()
    for place in kb.places_curated.places:
        if place.feature not in ("water", "region"):
            continue
        for name in (place.name, *place.aliases):
            out.add(name)
            head, _, last = name.rpartition(" ")
            if last in _SEA_WORDS and head:
                out.add(head)
    return out


@Language.factory("wirewatch_equipment")
def make_equipment_ruler(nlp: Language, name: str) -> EquipmentRuler:
    return EquipmentRuler()


def find_equipment(
    doc: Doc,
    table: Table,
    known: frozenset[str] = frozenset(),
    regions: frozenset[str] = frozenset(),
) -> list[Span]:
    """The EQUIPMENT spans of `doc`; `known` holds names that are not ships' (see above),
    `regions` the seas and regions that, before a ship-type noun, say where a ship is ("the
    Mediterranean warship", "the Gulf of Oman tanker"), not what it is called."""
    lookups = _remembering(table)
    spans: list[Span] = []
    items: set[str] = set()
    # Read once: `doc[i]`, `span.text` and `doc.text` build new objects on every access.
    text, words = text_of(doc), [t.text for t in doc]
    # Designators and names are written with a capital or a digit ("an 124-page report" is
    # not one): only those tokens are tried.
    capped = [i for i, word in enumerate(words) if word[:1].isupper() or word[:1].isdigit()]
    resume = 0  # the token after the last span found
    for i in capped:
        hit = _designator_at(doc, text, words[i], i, lookups) if i >= resume else None
        if hit is None:
            continue
        end, match = hit
        if _names_a_class(words, end):
            continue  # "the Gepard-class frigate": a ship class named like a listed item
        end = _name_after(words, end, match, lookups)  # "An-124 Condor": the name rides along
        spans.append(Span(doc, i, end, label=LABEL))
        items.add(match.item.designator)
        resume = end
    taken = {t for span in spans for t in range(span.start, span.end)}
    for start, end, _hit in table.forms_in(text):
        _add(doc, start, end, spans, taken, trim=(table, known))
    for start, end, _hit in table.vessels_in(text, known.__contains__, regions.__contains__):
        _add(doc, start, end, spans, taken)
    # Models no list holds, known by the noun after them ("six D-30 howitzers").
    by_noun = nouns_in(doc, table, known, taken)
    if by_noun:
        covered = {t for span in by_noun for t in range(span.start, span.end)}
        spans = [s for s in spans if not covered & set(range(s.start, s.end))]
        spans += by_noun
        taken = {t for span in spans for t in range(span.start, span.end)}
    # A bare reporting name ("the Condor") only once its designator is in the same text.
    if items:
        for i in capped:
            name = lookups.lookup_name(words[i]) if words[i][:1].isupper() else None
            if name and name.item.designator in items and i not in taken:
                spans.append(Span(doc, i, i + 1, label=LABEL))
    return sorted(spans, key=lambda span: span.start)


class _Remembering:
    """The catalogue's word lookups, remembered per text: every capitalised word of every
    document is asked about, and the same names recur across documents (each lookup
    folds the word with a regex first)."""

    def __init__(self, table: Table) -> None:
        self.table = table
        self.may_start = lru_cache(maxsize=1 << 16)(table.may_start)
        self.lookup_listed = lru_cache(maxsize=1 << 16)(table.lookup_listed)
        self.lookup_name = lru_cache(maxsize=1 << 16)(table.lookup_name)


_REMEMBERING: dict[int, _Remembering] = {}


def _remembering(table: Table) -> _Remembering:
    cached = _REMEMBERING.get(id(table))
    if cached is None or cached.table is not table:
        cached = _REMEMBERING[id(table)] = _Remembering(table)
    return cached


_JOINERS = frozenset({"-", "‐", "–"})  # a hyphen joins a name into a class


def _names_a_class(words: list[str], end: int) -> bool:
    """The words after a catalogue hit make it a ship class's name: "-class", or a number
    and "-class" ("Gepard-class", "Gepard 3.9-class"); the class form reads it."""
    after = words[end : end + 3]
    if after[:1] and after[0][:1].isdigit():
        after = after[1:]
    return len(after) >= 2 and after[0] in _JOINERS and after[1].casefold() == "class"


def _add(
    doc: Doc,
    start: int,
    end: int,
    spans: list[Span],
    taken: set[int],
    trim: tuple[Table, frozenset[str]] | None = None,
) -> None:
    """Add the span of characters start..end unless it overlaps one taken; with `trim`,
    leading stop words and KB names are left out ("Two Russian Kilo-class") as long as
    the rest is still a designator."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return
    first = span.start
    if trim is not None:
        table, known = trim
        while first < span.end - 1 and (doc[first].is_stop or doc[first].text in known):
            if doc[first + 1].text in _JOINERS:
                break  # "Canberra-class": the place name is the class's own
            first += 1
        if first > span.start and table.lookup(doc[first : span.end].text) is None:
            return
    if any(t in taken for t in range(first, span.end)):
        return
    spans.append(Span(doc, first, span.end, label=LABEL))
    taken.update(range(first, span.end))


def _designator_at(
    doc: Doc, text: str, first: str, start: int, lookups: _Remembering
) -> tuple[int, Match] | None:
    """The end of the longest listed designator opening with token `start` (its text
    `first`), and its match."""
    if not lookups.may_start(first):
        return None
    begin = doc[start].idx
    for end in range(min(len(doc), start + lookups.table.max_tokens), start, -1):
        last = doc[end - 1]
        if last.is_punct or last.is_space:
            continue
        # The span's text cut from the document's: `Span.text` joins its tokens anew.
        match = lookups.lookup_listed(text[begin : last.idx + len(last)])
        if match and not match.contextual:
            return end, match
    return None


def _name_after(words: list[str], end: int, match: Match, lookups: _Remembering) -> int:
    """The end of a designator's span with the name written right after it: its own
    reporting name ("An-124 Condor"), or a popular name of the same kind of equipment in
    up to three words ("CC-177 Globemaster III": another air arm's designator of the type
    the name belongs to)."""
    for size in (3, 2, 1):
        if end + size > len(words) or not words[end][:1].isupper():
            continue
        name = lookups.lookup_name(" ".join(words[end : end + size]))
        if name is None:
            continue
        if name.item.designator == match.item.designator or name.item.kind == match.item.kind:
            end += size
            # "Globemaster III": the name's generation numeral is the name's too.
            return end + 1 if end < len(words) and words[end] in _NUMERALS else end
    return end


_NUMERALS = frozenset({"II", "III", "IV", "V", "VI"})
