"""Country and sector of a mention from the words around it: titles and modifiers on its
left ("embattled Venezuelan President"), an apposition on its right (", then-President of
the country's National Assembly"), and "the country" read as the last country named.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from wirewatch.extract.context import Context
from wirewatch.kb.tables.sectors import Cue
from wirewatch.kb.tables.sectors import Table as Sectors

_MAX_LEFT = 5
_MAX_APPOSITION = 10
_STOP_POS = {"DET", "VERB", "AUX", "ADP", "PRON", "CCONJ", "SCONJ", "PUNCT", "NUM"}
_HYPHENS = ("-", "‐")
_SUBJECTS = ("nsubj", "nsubjpass")


@dataclass
class Cues:
    country: str | None = None
    sector: str | None = None

    def fill(self, other: Cues) -> Cues:
        return Cues(self.country or other.country, self.sector or other.sector)


def around(ctx: Context, mention: SpacySpan) -> Cues:
    """Cues from the left modifiers, then from an apposition on either side."""
    found = in_tokens(ctx, _left_tokens(mention)).fill(in_tokens(ctx, _apposition(mention)))
    return found.fill(_left_apposition(ctx, mention))


def _left_apposition(ctx: Context, mention: SpacySpan) -> Cues:
    """ "Kosovo's prime minister, Albin Kurti": a titled phrase, a comma, then the name.
    Only a phrase holding a title counts (", Albin Kurti" after any noun is not one)."""
    doc = mention.doc
    if mention.start < 2 or doc[mention.start - 1].text != ",":
        return Cues()
    tokens = _left_tokens(doc[mention.start - 1 : mention.start])
    text = " ".join(t.text for t in tokens)
    cue = _cue_in(ctx.kb.sectors, text) if tokens else None
    return in_tokens(ctx, tokens) if cue is not None and cue.title else Cues()


def in_tokens(ctx: Context, tokens: list[Token]) -> Cues:
    """The country a token run names and its longest sector cue."""
    if not tokens:
        return Cues()
    text = ctx.document.text[tokens[0].idx : tokens[-1].idx + len(tokens[-1])]
    cue = _cue_in(ctx.kb.sectors, text)
    country, implied = _country(ctx, tokens)
    # A metonym implies its sector ("Moscow" -> GOV, "the Pentagon" -> MIL).
    return Cues(country, cue.sector if cue else implied)


_CUE_IN: dict[int, tuple[Sectors, Callable[[str], Cue | None]]] = {}


def _cue_in(sectors: Sectors, text: str) -> Cue | None:
    """`sectors.cue_in(text)`, remembered per text: it keys and looks up every run of the
    words, and the steps ask about the same noun phrases again and again."""
    cached = _CUE_IN.get(id(sectors))
    if cached is None or cached[0] is not sectors:
        cached = _CUE_IN[id(sectors)] = (sectors, lru_cache(maxsize=1 << 16)(sectors.cue_in))
    return cached[1](text)


def _country(ctx: Context, tokens: list[Token]) -> tuple[str | None, str | None]:
    """A country the countries table knows, named by an entity or a capitalised word (not
    one hyphenated into a modifier like "American-supported"); else "the country"."""
    countries = ctx.kb.countries
    for token in reversed(tokens):
        if not (token.is_title or token.is_upper):
            continue  # tested before the span is built: most words are lower case
        unit = ctx.ent_of(token) or SpacySpan(token.doc, token.i, token.i + 1)
        if _hyphenated(unit):
            continue
        hit = countries.lookup(ctx.document.text[unit.start_char : unit.end_char])
        if hit:
            return hit.iso3, hit.sector
    if _anaphora(tokens, countries.anaphora.words):
        return last_country_before(ctx, tokens[0].idx), None
    return None, None


def _anaphora(tokens: list[Token], nouns: list[str]) -> bool:
    """ "the country('s)", "the nation": the run holds it, or starts right after "the"."""
    first = tokens[0]
    after_the = first.i > 0 and first.doc[first.i - 1].lower_ == "the"
    words = [t.lower_ for t in tokens]
    return any(
        n in words and ((after_the and words[0] == n) or f"the {n}" in " ".join(words))
        for n in nouns
    )


def _hyphenated(unit: SpacySpan) -> bool:
    """ "American-supported", "Russian-made": a modifier's stem, not a nationality."""
    doc = unit.doc
    return (
        unit.end < len(doc) and doc[unit.end].text in _HYPHENS and not doc[unit.end - 1].whitespace_
    )


def last_country_before(ctx: Context, offset: int) -> str | None:
    """The country "the country" at `offset` points to: the last one named before it (by
    name or alias; in its own sentence a nationality counts too, "Venezuelan President
    Maduro ... the east of the country"), except the subject of that sentence, which does
    not call itself "the country" ("Russia sent mercenaries to the country": not Russia)."""
    countries = ctx.kb.countries
    sentence_start = ctx.sentences[ctx.sentence_index(offset)].start if ctx.sentences else 0
    for ent in reversed(ctx.ents_before(offset)):
        if ent.label_ not in ("GPE", "NORP"):
            continue
        hit = countries.lookup(ent.text)
        same_sentence = ent.start_char >= sentence_start
        if hit is None or not (
            hit.via in ("name", "alias") or (same_sentence and hit.via == "demonym")
        ):
            continue
        if same_sentence and ent.root.dep_ in _SUBJECTS:
            continue
        return hit.iso3
    return None


def _left_tokens(mention: SpacySpan) -> list[Token]:
    """The modifiers right before a mention: adjectives, nouns, names, possessives and
    hyphens, up to a determiner, verb, preposition, punctuation or line break."""
    doc = mention.doc
    out: list[Token] = []
    for i in range(mention.start - 1, max(-1, mention.start - 1 - _MAX_LEFT), -1):
        token = doc[i]
        keep = token.tag_ == "POS" or token.text in _HYPHENS or token.pos_ not in _STOP_POS
        if not keep or "\n" in token.text + token.whitespace_:
            break
        out.insert(0, token)
    return out


def _apposition(mention: SpacySpan) -> list[Token]:
    """ ", the Russian defence minister," after a name: tokens up to the next comma or the
    sentence end; none when a verb comes first (", holding a flag" is a clause)."""
    doc = mention.doc
    if mention.end >= len(doc) or doc[mention.end].text != ",":
        return []
    out: list[Token] = []
    for token in doc[mention.end + 1 : mention.end + 1 + _MAX_APPOSITION]:
        if (token.is_punct and token.text not in _HYPHENS) or token.is_sent_start:
            break
        if token.pos_ in ("VERB", "AUX"):
            return []
        out.append(token)
    return out
