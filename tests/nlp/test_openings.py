"""Sentence starts told to the parser: after a dateline, a live-blog timestamp or a Q&A
speaker label, and never between a navy's ship prefix and the name after it."""

from __future__ import annotations

import pytest

from wirewatch.kb import load_kb


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        ("BRASÍLIA, Oct 4 (Meridian Wire) - A Brazilian KC-390 landed.", "A Brazilian"),
        ("NOVI SAD, Serbia — Protesters gathered.", "Protesters"),
        ("KYIV (Reuters) — Drones hit the port.", "Drones"),
        ("DIEGO GARCIA: A B-52 landed.", "A B-52"),
        ("Havana, Cuba: The frigate arrived.", "The frigate"),
        ("ANKARA - Turkey said it would respond.", "Turkey"),
    ],
)
def test_the_lead_sentence_starts_after_the_dateline(text: str, lead: str) -> None:
    (start,) = load_kb().captions.sentence_starts(text)
    assert text[start:].startswith(lead)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # A press note's headings (no sentence ends on them) come before its dateline.
        (
            "NAVY NEWS | Release 14/25\n\nPatrol ship ends Pacific tour\n\n"
            "SUVA, 3 June 2025 — HMNZS Wellington sailed for home.",
            "SUVA",
        ),
        ("Ministry of Defence\nRIGA, Latvia: Two batteries arrived.", "RIGA"),
        ("WASHINGTON, Oct. 4, 2025 (AP) — The carrier sailed.", "WASHINGTON"),
        ("U.S. Army Europe\nGRAFENWOEHR, Germany — Tanks arrived.", "GRAFENWOEHR"),
    ],
)
def test_the_dateline_opens_the_first_line_of_prose(text: str, place: str) -> None:
    (start, end), *_ = load_kb().captions.datelines(text)
    assert text[start:end].startswith(place)


def test_no_dateline_below_the_first_line_of_prose() -> None:
    text = "Frigate leaves port\nThe frigate left Suva. Later:\nAPIA — It arrived."
    assert load_kb().captions.datelines(text) == []


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        ("HMS ALBION\nLeft Plymouth on Monday.", ["Left"]),
        ("Weekly movements\n\nTHE WEEK AHEAD\nTwo tankers are due.", ["Two"]),
        # A hard-wrapped sentence goes on below a line with lower-case words, or opens
        # lower-case.
        ("The destroyer sailed from\nPortsmouth on Monday.", []),
        ("THE DESTROYER SAILED FROM\nportsmouth on Monday.", []),
        # A headline in sentence case over the report; not a short first line of a
        # hard-wrapped paragraph, which ends with a word a sentence goes on after.
        ("Spanish Hornets fly to Lithuania\nEight EF-18M Hornets left.", ["Eight"]),
        ("US B-52s land in Moron for bomber task force\nFour B-52Hs landed.", ["Four"]),
        ("The frigate left the port of\nTartus on Monday.", []),
        ("A long first line of a paragraph that was wrapped here by\nSomeone's editor.", []),
    ],
)
def test_a_sentence_starts_under_a_heading(text: str, starts: list[str]) -> None:
    found = load_kb().captions.after_headings(text)
    assert [text[s:].split()[0] for s in found] == starts


def test_list_entries_start_sentences_after_their_bullet_and_date() -> None:
    text = (
        "Timeline\n\n• 1 October 2023: Two submarines arrived.\n- Sept. 4, 2025 — A frigate sailed."
    )
    starts = load_kb().captions.sentence_starts(text)
    assert [text[s : s + 5] for s in starts] == ["Two s", "A fri"]


def test_live_blog_times_start_sentences_on_every_line() -> None:
    text = "Live updates\n\n09:40 — Two Typhoons landed.\n\n11:45 GMT — A frigate sailed."
    starts = load_kb().captions.sentence_starts(text)
    assert [text[s : s + 3] for s in starts] == ["Two", "A f"]


def test_weekday_times_and_speaker_labels_start_sentences() -> None:
    text = "Thu 13:40 — Two C-17s landed.\nQ: Where did the frigate go?\nA: It sailed for Aden."
    starts = load_kb().captions.sentence_starts(text)
    assert [text[s : s + 5] for s in starts] == ["Two C", "Where", "It sa"]


@pytest.mark.parametrize(
    "text",
    [
        "Russia sent troops - officials said.",
        "The frigate arrived in Tartus.",
        "Analysts: the move is risky.",
    ],
)
def test_prose_has_no_opening(text: str) -> None:
    assert load_kb().captions.sentence_starts(text) == []


def test_the_parser_keeps_the_lead_apart_from_the_dateline(nlp) -> None:
    doc = nlp("BRASÍLIA, Oct 4 (Meridian Wire) - A Brazilian Air Force KC-390 landed in Lisbon.")
    sents = [s.text.strip() for s in doc.sents]
    assert sents[0].endswith("-")
    assert sents[1].startswith("A Brazilian")


def test_a_ship_prefix_stays_with_the_name(nlp) -> None:
    doc = nlp("CANBERRA — HMAS Adelaide arrived off Nuku'alofa on Wednesday.")
    assert any(s.text.strip().startswith("HMAS Adelaide") for s in doc.sents)


def test_no_sentence_starts_where_nothing_ended_one(nlp) -> None:
    # Without the rule the small parser ends a sentence after "frigate".
    doc = nlp(
        "Early on June 8, the Chinese Navy aircraft carrier Shandong, the Renhai-class "
        "destroyer Lhasa and the Jiangkai II-class frigate Yuncheng were confirmed sailing "
        "southeast. They entered the Pacific."
    )
    assert [s.text.split()[0] for s in doc.sents] == ["Early", "They"]


def test_full_stops_still_end_sentences(nlp) -> None:
    doc = nlp("The frigate sailed on Monday. It docked at Souda Bay on Tuesday.")
    assert [s.text.split()[0] for s in doc.sents] == ["The", "It"]


def test_headlines_are_kept_apart_from_headings() -> None:
    """A headline retells the report's news; an all-capitals heading names what is below."""
    text = "Spanish Hornets fly to Lithuania\nEight EF-18M Hornets left.\n\nHMS ALBION\nLeft."
    assert [text[s:e] for s, e in load_kb().captions.headlines(text)] == [
        "Spanish Hornets fly to Lithuania"
    ]
