"""Entity ruler from the knowledge base: countries, demonyms, metonyms, organisations and
outlets, set before the statistical `ner` so it builds around them.

The small model tags "Sputnik" as PERSON and "Khmeimim" as PERSON; phrase patterns from the
KB fix the names we know. Each span carries an `ent_id_` saying what it is
("country:RUS", "demonym:RUS", "capital:RUS", "seat:RUS", "org:vks", "outlet:sputnik"),
which the actors step reads back.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from wirewatch.kb import KnowledgeBase

# The label each kind of KB name gets; ids keep the finer distinction.
LABELS = {
    "name": "GPE",
    "demonym": "NORP",
    "capital": "GPE",
    "seat": "ORG",
    "org": "ORG",
    "outlet": "ORG",
}
_PLAIN = {"name", "demonym", "capital"}
_ARTICLE = re.compile(r"^[Tt]he\s+")


class KbRuler:
    """A case-sensitive phrase matcher; longest match wins, spans already set (equipment)
    are kept. (spaCy's EntityRuler would run the whole pipeline over every pattern.)"""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.labels: dict[str, str] = {}
        self.facility_heads: frozenset[str] = frozenset()

    def setup(self, kb: KnowledgeBase) -> None:
        self.facility_heads = frozenset(
            h.casefold() for h in kb.organisations.facility_heads if " " not in h
        )
        for pattern in patterns(kb):
            self.labels[pattern["id"]] = pattern["label"]
            self.matcher.add(pattern["id"], [self.nlp.make_doc(pattern["pattern"])])

    def __call__(self, doc: Doc) -> Doc:
        found = [
            Span(doc, start, end, label=self.labels[doc.vocab.strings[match_id]], span_id=match_id)
            for match_id, start, end in self.matcher(doc)
        ]
        taken = {i for ent in doc.ents for i in range(ent.start, ent.end)}
        new = [
            s
            for s in filter_spans(found)
            if not taken & set(range(s.start, s.end))
            and not _inside_longer_name(s)
            and not _opens_a_facility(s, self.facility_heads)
        ]
        if new:
            doc.ents = sorted([*doc.ents, *new], key=lambda span: span.start)
        return doc


def _opens_a_facility(ent: Span, heads: frozenset[str]) -> bool:
    """An organisation's name that opens a facility's ("RAAF Base Williamtown", "RAF Station
    X"): the place's name, left to the place finders."""
    doc = ent.doc
    if ent.end + 1 >= len(doc) or ent.label_ != "ORG":
        return False
    head, name = doc[ent.end], doc[ent.end + 1]
    return head.lower_ in heads and head.is_title and (name.is_title or name.is_upper)


def _inside_longer_name(ent: Span) -> bool:
    """A KB place name or demonym right after another capitalised word is part of a longer
    name the KB does not hold ("South America", "Nazi Germany", "New Jersey"): leave that
    stretch to the statistical NER."""
    if ent.id_.split(":")[0] not in _PLAIN or ent.start == 0:
        return False
    before = ent.doc[ent.start - 1]
    return (
        (before.is_title or before.is_upper)
        and before.is_alpha
        and not before.is_stop
        and not ent[0].is_sent_start
    )


def patterns(kb: KnowledgeBase) -> list[dict[str, str]]:
    """Phrase patterns, one per surface form; a form is kept once (first kind wins: names
    before demonyms, organisations before outlets)."""
    countries = kb.countries
    forms = [(text, kind, f"{kind}:{iso3}") for text, kind, iso3 in countries.surface_forms()]
    forms += [(text, "org", ident) for text, ident in kb.organisations.surface_forms(countries)]
    forms += [
        (text, "outlet", f"outlet:{o.key}")
        for o in kb.outlets.outlets
        for text in (o.name, *o.aliases)
    ]
    seen: set[str] = set()
    out = []
    for text, kind, ident in forms:
        text = _ARTICLE.sub("", text)  # "the Kremlin": the entity is "Kremlin", as NER has it
        if text not in seen:
            seen.add(text)
            out.append({"label": LABELS[kind], "pattern": text, "id": ident})
    return out


@Language.factory("wirewatch_kb_ruler")
def make_kb_ruler(nlp: Language, name: str) -> KbRuler:
    return KbRuler(nlp)
