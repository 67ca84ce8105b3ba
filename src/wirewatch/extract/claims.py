"""The `claims` step: attributed statements, their claimant, outlet, stance and hedge.

A claim is a verb of saying (or "according to") with a claimant and a stated proposition.
The author's own judgement of a claim ("The claim from Sputnik ... seems very difficult to
believe") is recorded as `assessed`. Each claim's content offsets go to `ctx.claim_spans`
so that events and movements inside it link to it (`Context.claim_attribution`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from wirewatch.extract._claimant import claimant_of, name_of, outlet_name
from wirewatch.extract._modality import speculative
from wirewatch.extract._syntax import clause_date, subject_of, when_of
from wirewatch.extract.context import ClaimSpan, Context, children, sentence
from wirewatch.extract.registry import step
from wirewatch.kb.tables.speech import Table as Speech
from wirewatch.model import Claim, Claimant, TimeExpr, stable_id
from wirewatch.model.vocab import AttributionStatus, Stance

_QUOTES = "“\"‘'"


@dataclass
class _Found:
    claim: Claim
    spans: list[tuple[int, int]] = field(default_factory=list)

    @property
    def status(self) -> AttributionStatus:
        kind = self.claim.claimant.kind
        if self.claim.stance == "denies":
            return "denied"
        return (
            "reported" if self.claim.outlet or kind in {"outlet", "unnamed_source"} else "claimed"
        )


@step("claims")
def find_claims(ctx: Context) -> None:
    speech = ctx.kb.speech
    found: list[_Found] = []
    text = ctx.document.text  # the parse's (`doc.text` and `sent.text` join tokens anew)
    for sent in ctx.sents:
        if ctx.in_caption(sent.start_char):
            continue
        tokens = ctx.tokens[sent.start : sent.end]  # a span's iterator rebuilds tokens
        here = [
            f
            for tok in tokens
            if _may_claim(ctx, speech, tok) and (f := _claim_at(ctx, speech, tok)) is not None
        ]
        if not here and found and _continues_quote(text, sent, found[-1]):
            found[-1].spans.append((sent.start_char, sent.end_char))
        found.extend(_dedup(here, found))
        _judge(speech, text[sent.start_char : sent.end_char], tokens, found)
    ctx.claims.extend(f.claim for f in found)
    ctx.claim_spans = [ClaimSpan(s, e, f.claim.id, f.status) for f in found for s, e in f.spans]


def _may_claim(ctx: Context, speech: Speech, tok: Token) -> bool:
    """The cheap first test of `_claim_at`: "according" or a verb (or auxiliary) of saying."""
    return tok.lower_ == "according" or (
        tok.pos_ in {"VERB", "AUX"} and speech.stance_of(tok.lemma_) is not None
    )


def _claim_at(ctx: Context, speech: Speech, tok: Token) -> _Found | None:
    if tok.lower_ == "according":
        return _according_to(ctx, speech, tok)
    lemma = tok.lemma_.casefold()
    stance = speech.stance_of(lemma)
    if stance is None or tok.pos_ not in {"VERB", "AUX"} or lemma in speech.non_claims.words:
        return None
    if speculative(tok, ctx.kb.events):
        return None
    content = _content(tok, stance)
    subject = subject_of(tok)
    if content is None or subject is None:
        return None
    claimant, outlet = _who(ctx, speech, tok, subject)
    if claimant is None:
        return None
    return _build(ctx, speech, tok, claimant, outlet, stance, content)


def _who(
    ctx: Context, speech: Speech, verb: Token, subject: Token
) -> tuple[Claimant | None, str | None]:
    """Claimant and outlet: "X told <outlet>", "<outlet> reported ..., citing X", and
    evidence credited to a provider ("images from X show")."""
    if subject.lemma_.casefold() in speech.evidence.nouns and subject.pos_ != "PROPN":
        provider = _provider(speech, subject)
        return (claimant_of(ctx, provider), None) if provider is not None else (None, None)
    claimant = claimant_of(ctx, subject)
    outlet = None
    for child in children(verb):
        if child.dep_ in {"dobj", "dative"} and verb.lemma_ == "tell":
            outlet = outlet_name(ctx, child)
    # "citing X" may hang off the reported clause rather than the verb of saying.
    citing = speech.citing.words
    for node in ctx.subtree_holding(verb, lambda t: t.dep_ == "advcl" and t.lemma_ in citing):
        if node.dep_ == "advcl" and node.lemma_ in speech.citing.words:
            cited = next((c for c in children(node) if c.dep_ == "dobj"), None)
            if cited is not None and claimant is not None:
                outlet = claimant.name if claimant.kind == "outlet" else outlet
                claimant = claimant_of(ctx, cited)
            break
    if claimant is not None and claimant.kind == "outlet":
        outlet = outlet or claimant.name
    return claimant, outlet


def _provider(speech: Speech, subject: Token) -> Token | None:
    for child in children(subject):
        if child.dep_ == "poss" or (child.dep_ == "compound" and child.pos_ == "PROPN"):
            return child
        if child.dep_ == "prep" and child.lower_ in speech.provider_preps.words:
            obj = next((c for c in children(child) if c.dep_ == "pobj"), None)
            if obj is not None and obj.pos_ == "PROPN":
                return obj
    return None


def _content(verb: Token, stance: Stance) -> SpacySpan | None:
    """The proposition: a that-clause, a quote the verb introduces, or what is denied."""
    doc = verb.doc
    for child in children(verb):
        if child.dep_ == "ccomp":
            return doc[child.left_edge.i : child.right_edge.i + 1]
        if child.dep_ == "dobj" and (stance == "denies" or verb.lemma_ == "accuse"):
            return doc[child.left_edge.i : sentence(verb).end]
    if verb.dep_ == "parataxis":  # “...,” the official said.
        head = verb.head
        return doc[head.left_edge.i : verb.left_edge.i]
    return None


def _according_to(ctx: Context, speech: Speech, tok: Token) -> _Found | None:
    to = next((c for c in children(tok) if c.lower_ == "to"), None)
    obj = next((c for c in children(to) if c.dep_ == "pobj"), None) if to is not None else None
    if obj is None:
        return None
    claimant = claimant_of(ctx, obj)
    if claimant is None:
        return None
    outlet = claimant.name if claimant.kind == "outlet" else None
    sent = sentence(tok)
    # The proposition is the rest of the sentence around the "according to X" phrase.
    left, right = tok.left_edge.i, obj.right_edge.i + 1
    content = sent if left > sent.start else tok.doc[right : sent.end]
    return _build(ctx, speech, tok, claimant, outlet, "asserts", content)


def _build(
    ctx: Context,
    speech: Speech,
    verb: Token,
    claimant: Claimant,
    outlet: str | None,
    stance: Stance,
    content: SpacySpan,
) -> _Found:
    sent = sentence(verb)
    said = content.text  # joined once
    text = said.strip(" ,“”\"'").removeprefix("that ").strip()
    adverbs = " ".join(c.text for c in children(verb) if c.dep_ == "advmod")
    hedge = speech.hedge_in(said) or (speech.hedge_in(adverbs) if adverbs else None)
    date = clause_date(ctx, verb) or _date_outside(ctx, sent, content)
    claim = Claim(
        id=stable_id("claim", ctx.document.id, verb.idx, claimant.name),
        claimant=claimant,
        outlet=outlet,
        content=text or sent.text,
        stance=stance,
        hedge=hedge,
        when=when_of(date) if date else None,
        evidence=[ctx.evidence(sent.start_char, sent.end_char)],
    )
    return _Found(claim, [(content.start_char, content.end_char)])


def _date_outside(ctx: Context, sent: SpacySpan, content: SpacySpan) -> TimeExpr | None:
    """When the statement was made: a date in its sentence but not in what was said."""
    for expr in ctx.dates:
        inside = sent.start_char <= expr.span.start < sent.end_char
        if inside and not content.start_char <= expr.span.start < content.end_char:
            return expr
    return None


def _continues_quote(doc_text: str, sent: SpacySpan, last: _Found) -> bool:
    """A sentence wholly in quotes right after a quoted claim goes on with that claim."""
    text = doc_text[sent.start_char : sent.end_char].strip()
    adjacent = (
        any(end >= sent.start_char - 3 for _, end in last.spans)
        or last.claim.evidence[-1].end >= sent.start_char - 3
    )
    return bool(text) and text[0] in _QUOTES and adjacent


def _judge(speech: Speech, sent_text: str, tokens: list[Token], found: list[_Found]) -> None:
    """The author's own doubt or support, on the claim the sentence names ("The claim from
    Sputnik seems very difficult to believe", "a claim for which there is no evidence",
    "the flight data bear out its account"). The verdict must name a claim ("claim",
    "account", "report"), so a bare "no evidence" in a quote judges nothing."""
    hit = speech.judgement_at(sent_text) if found else None  # no claim yet: nothing to judge
    if hit is None:
        return
    verdict = hit[0]
    for tok in tokens:
        if tok.pos_ != "NOUN" or tok.lemma_.casefold() not in speech.claim_nouns.words:
            continue
        target = _named_claim(speech, tok, found)
        if target is None and any(
            c.lower_ in speech.pointing_determiners.words
            for c in children(tok)
            if c.dep_ in {"det", "poss"}
        ):
            target = found[-1]
        if target is not None:
            target.claim.assessed = verdict
            return


def _named_claim(speech: Speech, noun: Token, found: list[_Found]) -> _Found | None:
    for child in children(noun):
        source = None
        if child.dep_ == "poss":
            source = child
        elif child.dep_ == "prep" and child.lower_ in speech.provider_preps.words:
            source = next((c for c in children(child) if c.dep_ == "pobj"), None)
        if source is None or source.pos_ != "PROPN":
            continue
        name = name_of(source).casefold()
        for item in reversed(found):
            names = {item.claim.claimant.name.casefold(), (item.claim.outlet or "").casefold()}
            if any(n and (name in n or n in name) for n in names):
                return item
    return None


def _dedup(new: list[_Found], old: list[_Found]) -> list[_Found]:
    """One claim per claimant and content, however often the text repeats it."""
    seen = {(f.claim.claimant.name.casefold(), f.claim.content) for f in old}
    out = []
    for item in new:
        key = (item.claim.claimant.name.casefold(), item.claim.content)
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out
