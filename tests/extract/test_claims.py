"""Claims: claimant and kind, outlet chains, stance, hedges, the author's judgement."""

from __future__ import annotations

from collections.abc import Callable

from wirewatch.model import Analysis, Claim

Analyze = Callable[..., Analysis]


def _by_claimant(analysis: Analysis) -> dict[str, Claim]:
    return {c.claimant.name: c for c in analysis.claims}


def test_source_told_outlet_is_one_claim_with_the_outlet(analyze_text: Analyze) -> None:
    analysis = analyze_text(
        "“The troops arrived for consultations,” an unnamed diplomatic source told Russian "
        "state media outlet Sputnik on Mar. 25, 2019."
    )
    (claim,) = analysis.claims
    assert claim.claimant.name == "unnamed diplomatic source"
    assert claim.claimant.kind == "unnamed_source"
    assert claim.outlet == "Sputnik"
    assert claim.stance == "asserts"
    assert claim.when is not None and str(claim.when.start) == "2019-03-25"
    assert "consultations" in claim.content


def test_outlet_citing_a_source(analyze_text: Analyze) -> None:
    analysis = analyze_text(
        "The Associated Press reported that Russia had dispatched the planes, citing an "
        "anonymous Venezuelan official."
    )
    (claim,) = analysis.claims
    assert claim.claimant.name == "anonymous Venezuelan official"
    assert claim.claimant.kind == "unnamed_source"
    assert claim.outlet == "Associated Press"
    assert claim.content.startswith("Russia had dispatched")


def test_denial_and_plain_negative(analyze_text: Analyze) -> None:
    analysis = analyze_text(
        "The Kremlin denied that Russian troops were in Venezuela. Venezuela has not bought "
        "new jets, a defence official said."
    )
    claims = analysis.claims
    assert [c.stance for c in claims] == ["denies", "asserts"]
    assert claims[0].claimant.kind == "government"


def test_according_to_and_provider_evidence(analyze_text: Analyze) -> None:
    analysis = analyze_text(
        "Two bombers landed in Minsk, according to the flight-tracking service Flightradar24. "
        "Since February, ImageSat International, a satellite imagery firm, has noted what "
        "appears to be new activity at the base."
    )
    claims = _by_claimant(analysis)
    assert "Flightradar24" in claims
    imagesat = claims["ImageSat International"]
    assert imagesat.claimant.kind == "org" and imagesat.hedge


def test_author_doubt_marks_the_named_claim(analyze_text: Analyze) -> None:
    analysis = analyze_text(
        "An unnamed source told Sputnik that the troops came for talks. The Associated Press "
        "reported that the troops came to repair radars. The claim from Sputnik seems very "
        "difficult to believe."
    )
    claims = {c.outlet: c for c in analysis.claims}
    assert claims["Sputnik"].assessed == "doubted"
    assert claims["Associated Press"].assessed is None


def test_speech_acts_that_state_no_fact_are_not_claims(analyze_text: Analyze) -> None:
    analysis = analyze_text(
        "The minister urged Moscow to withdraw. The EU condemned the strike and welcomed the "
        "ceasefire. Officials called on both sides to talk."
    )
    assert analysis.claims == []


def test_events_inside_a_claim_link_to_it(analyze_text: Analyze) -> None:
    analysis = analyze_text(
        "Reuters reported that Russia had sent troops to Venezuela in January.", date="2019-03-25"
    )
    (claim,) = analysis.claims
    linked = [e for e in analysis.events if e.attribution.claim == claim.id]
    assert linked and linked[0].attribution.status == "reported"
