"""Caption marking: credit lines found, their entities dropped, body text untouched."""

from __future__ import annotations

TEXT = (
    "Russian personnel arrived in Venezuela on Saturday.\n\n"
    "Dmitriy Vinogradov/Sputnik via AP Russian personnel at Khmeimim during a ceremony.\n\n"
    "Rafael Hernandez/Picture-Alliance/DPA/AP Images Juan Guaido, holding a flag, sings.\n\n"
    "Sputnik reported the claim.\n\n"
    "Ricardo Patiño A transporter-erector-launcher on parade in 2014."
)


def test_credit_lines_are_captions(nlp):
    doc = nlp(TEXT)
    credits = [TEXT[s:e] for s, e in doc._.credits]
    assert credits == [
        "Dmitriy Vinogradov/Sputnik via AP",
        "Rafael Hernandez/Picture-Alliance/DPA/AP Images",
        "Ricardo Patiño",
    ]
    captions = [TEXT[s:e] for s, e in doc._.captions]
    assert captions[0].endswith("during a ceremony.")
    assert captions[2].endswith("in 2014.")


def test_no_entities_inside_credits_but_body_sputnik_kept(nlp):
    doc = nlp(TEXT)
    in_credit = [e.text for e in doc.ents if any(s <= e.start_char < t for s, t in doc._.credits)]
    assert in_credit == []
    body = TEXT.index("Sputnik reported")
    assert any(e.start_char == body and e.ent_id_ == "outlet:sputnik" for e in doc.ents)


def test_prose_is_not_a_caption(nlp):
    doc = nlp(
        "The An-124 left on Mar. 25, 2019.\n\nRussia/Ukraine talks failed. The Kremlin said so."
    )
    assert doc._.captions == []


def test_agency_photo_credit_opens_a_caption(nlp):
    text = (
        "Two fighters landed on Monday.\n\nAP Photo The Su-35 taxis at an air show.\n\n"
        "The AP Photo archive holds the picture."
    )
    doc = nlp(text)
    assert [text[s:e] for s, e in doc._.credits] == ["AP Photo"]
    assert [text[s:e] for s, e in doc._.captions] == ["AP Photo The Su-35 taxis at an air show."]
