"""Equipment known by the noun written after it, when no list names it.

"Six D-30 howitzers", "two Ground Master 200 air-surveillance radars", "four CAESAR
truck-mounted howitzers", "the F-39E Gripen fighters": the words just before a noun of a kind
of equipment (kb/data/equipment.yaml `by_noun`), past its lower-case modifiers, name a model.
Reports name far more types than any catalogue holds; the noun after a name is how a reader
knows it is one. The span gets the EQUIPMENT label and, as its `kb_id`, the kind and model
(`by_noun:<kind>:<model>`), which `extract/_assets.py` turns into an asset.

A model with a digit may stand before any of the nouns; a name without one ("CAESAR") only
before a plural noun that never names people (`bare`: "fighters" can be people; "the
Mid-Range Capability system" is a programme's name, not a type's), never first in its
sentence (where any word is capitalised), and never a word the knowledge base holds for
something else ("Russian tanks", "NATO jets") or a stop word ("Navy helicopters").
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from wirewatch.kb.tables.equipment import ByNoun, Table

PREFIX = "by_noun:"
_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "npadvmod", "advmod"})
_MAX_MODIFIERS = 6  # tokens: "truck-mounted" is three, "armoured personnel" two
_MAX_WORDS = 4  # words of a model ("Ground Master 200")


def nouns_in(doc: Doc, table: Table, known: frozenset[str], taken: set[int]) -> list[Span]:
    """New EQUIPMENT spans for models named by the noun after them. One may cover a span
    found before after its model ("F-39E Gripen" over "Gripen": the designator the text
    writes is the model, spec §2); the caller drops that one."""
    by_noun = table.by_noun
    if by_noun is None:
        return []
    stop = frozenset(table.form_stopwords) | frozenset(by_noun.stopwords) | known
    out: list[Span] = []
    for noun in doc:
        if noun.pos_ not in {"NOUN", "PROPN"} or not noun.text[:1].islower():
            continue
        if noun.dep_ in _MODIFIER_DEPS and noun.head.i > noun.i:
            continue  # "truck" in "truck-mounted radars": the phrase's noun is later
        kind = by_noun.kind_of(noun.text)
        if kind is None:
            continue
        run = _model_run(doc, noun, stop)
        if run is None:
            continue
        start, end = run
        model = _model(doc, start, end)
        if model is None and not _bare_ok(doc, by_noun, noun, start):
            continue
        model_end = model if model is not None else end
        if any(t in taken for t in range(start, model_end)):
            continue  # the model itself is listed: the ruler has it already
        if out and out[-1].end > start:
            continue  # one phrase, one model
        kb_id = f"{PREFIX}{kind}:{doc[start:model_end].text}"
        out.append(Span(doc, start, end, label="EQUIPMENT", kb_id=kb_id))
    return out


def _model_run(doc: Doc, noun: Token, stop: frozenset[str]) -> tuple[int, int] | None:
    """The capitalised words before `noun` and its lower-case modifiers (token range)."""
    sent_start = noun.sent.start
    i = noun.i - 1
    skipped = 0
    while i >= sent_start and skipped < _MAX_MODIFIERS and _modifies(doc[i], noun):
        i -= 1
        skipped += 1
    end = i + 1
    words = 0
    while i >= sent_start and words < _MAX_WORDS and _name_word(doc[i]):
        i -= 1
        words += 1
        # "Zuzana-2", "K239 Chunmoo": a hyphen between two words of the name joins them.
        if i - 1 >= sent_start and doc[i].text == "-" and _name_word(doc[i - 1]):
            i -= 1
    start = i + 1
    while start < end and (doc[start].text in stop or doc[start].is_stop or _is_count(doc[start])):
        start += 1
    if start >= end:
        return None
    return start, end


def _modifies(token: Token, noun: Token) -> bool:
    """A lower-case word of the noun's phrase between the model and the noun ("armoured
    personnel", "truck - mounted", "air-surveillance")."""
    if token.text in {"-", "‐"}:
        return True
    if not token.text[:1].islower() or token.is_stop:
        return False
    return token.dep_ in _MODIFIER_DEPS and token.i < token.head.i <= noun.i


def _name_word(token: Token) -> bool:
    text = token.text
    if token.is_punct or token.is_space or not text[:1].isalnum():
        return False
    return text[:1].isupper() or text[:1].isdigit()


def _is_count(token: Token) -> bool:
    """ "108 M1A2T": a bare number before the model counts it."""
    text = token.text.replace(",", "")
    return text.isdigit() and token.dep_ == "nummod"


def _model(doc: Doc, start: int, end: int) -> int | None:
    """The end of the model when it is written with a digit: up to the last word with one
    ("M1A2T Abrams" -> "M1A2T"), which must hold a capital letter somewhere (not "155mm")."""
    last = max((i for i in range(start, end) if _has_digit(doc[i].text)), default=None)
    if last is None:
        return None
    if not any(ch.isupper() for t in doc[start : last + 1] for ch in t.text):
        return None
    if _year_only(doc, start, last + 1):
        return None
    return last + 1


def _has_digit(text: str) -> bool:
    return any(ch.isdigit() for ch in text)


def _year_only(doc: Doc, start: int, end: int) -> bool:
    """ "2024 Army trucks": a year is no model."""
    digits = [t.text for t in doc[start:end] if _has_digit(t.text)]
    return all(d.isdigit() and len(d) == 4 and d[:2] in {"19", "20"} for d in digits)


def _bare_ok(doc: Doc, by_noun: ByNoun, noun: Token, start: int) -> bool:
    """A model without a digit: only before a plural noun that never names people ("four
    CAESAR howitzers"), and not first in its sentence (where any word is capitalised)."""
    if not by_noun.is_bare(noun.text) or noun.tag_ != "NNS" or len(doc[start : noun.i].text) < 3:
        return False  # "the Mid-Range Capability system": a program's name, not a type's
    return start > noun.sent.start and not doc[start].is_sent_start
