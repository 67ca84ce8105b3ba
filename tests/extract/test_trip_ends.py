"""Where a trip ends when no verb's phrase says so (issue 12): a noun that names it, a verb
of staying somewhere after setting out, a "where" clause; and the slips around them (a
place that names an occasion, a designator the parser left beside its callsign, a "was not"
cut off from its participle). One sentence of our own per construction, in the format of
`test_route_grammar`: (model, origin, via, destination, depart, arrive) per leg.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from tests.extract.test_route_grammar import DATE, Leg, legs_of

from wirewatch.model import Analysis

Analyze = Callable[..., Analysis]

CASES: list[tuple[str, list[Leg]]] = [
    # A noun that names the end: copula, "X as its destination", the possessor of what
    # holds the noun, a passive "given as".
    (
        "A Chinese Y-20 took off from Urumqi on Tuesday. Its destination was Belgrade.",
        [("Y-20", "Urumqi", [], "Belgrade", "2024-05-07", None)],
    ),
    (
        "The bulk carrier Mikhail Nenashev left Sevastopol on Monday, declaring Alexandria as "
        "its destination.",
        [("Mikhail Nenashev", "Sevastopol", [], "Alexandria", "2024-05-06", None)],
    ),
    (
        "An A400M left Kayseri at dawn. Its flight plan names Baku as the destination.",
        [("A400M", "Kayseri", [], "Baku", None, None)],
    ),
    # ... and one not given, or only guessed, names none.
    ("The tanker Sig left Ust-Luga on Sunday. Its destination was not given.", []),
    ("The tanker Sig left Ust-Luga on Sunday. Its destination may be Port Said.", []),
    # A designator opening the sentence beside its callsign (parsed as a list marker).
    (
        "C-17A RCH482 took off from Ramstein and landed at Incirlik on Wednesday.",
        [("C-17A", "Ramstein", [], "Incirlik", None, "2024-05-08")],
    ),
    # Staying somewhere after setting out ends the trip; a position on the way, with the
    # trip told as going on, is a stop.
    (
        "The cargo ship Ursa Major left Ust-Luga on Monday. Since Thursday it has been "
        "waiting off Tobruk.",
        [("Ursa Major", "Ust-Luga", [], "Tobruk", "2024-05-06", "2024-05-09")],
    ),
    (
        "The oiler Kola left Severomorsk on Monday and was off Vardø by Wednesday, heading "
        "for Kirkenes.",
        [("Kola", "Severomorsk", ["Vardø"], "Kirkenes", "2024-05-06", None)],
    ),
    # ... and told for a later day somewhere else, after a trip that ended, it went on.
    (
        "The Il-76 RA-78830 left Chkalovsky on Monday and landed at Hmeimim. On Wednesday it "
        "was in Bamako.",
        [
            ("Il-76", "Chkalovsky", [], "Hmeimim", "2024-05-06", None),
            ("Il-76", "Hmeimim", [], "Bamako", None, "2024-05-08"),
        ],
    ),
    # ... and of an asset not under way it is a state; a future stay is none.
    (
        "The frigate Soobrazitelny left Baltiysk on Monday. The corvette Boikiy remained at "
        "Kronstadt.",
        [],
    ),
    ("The Il-76 left Chkalovsky on Monday. It will stay at Hmeimim for a week.", []),
    # A "where" clause told in the past happens at the place it hangs on; under "its first
    # stop was" it is a stop (its day no arrival); told in the present it is no trip.
    (
        "Twelve K9 howitzers were shipped to Gdynia, where they came ashore on Thursday.",
        [("K9", None, [], "Gdynia", None, "2024-05-09")],
    ),
    (
        "The LHD Juan Carlos I sailed from Rota on Monday. Its first stop was Souda Bay, "
        "where it put in on Thursday. It is now bound for Haifa.",
        [("Juan Carlos I", "Rota", ["Souda Bay"], "Haifa", "2024-05-06", None)],
    ),
    (
        "The frigate Méndez Núñez made her way into Kiel on Monday, where the group is assembling.",
        [("Méndez Núñez", None, [], "Kiel", "2024-05-06", None)],
    ),
    # Verbs of coming to land and berthing with their particles.
    (
        "Greek M270 launchers left Alexandroupolis on Monday and came ashore at Myrina on Tuesday.",
        [("M270", "Alexandroupolis", [], "Myrina", "2024-05-06", "2024-05-07")],
    ),
    (
        "The tanker INS Deepak passed the Malacca Strait on Tuesday and pulled alongside in "
        "Manila on Thursday.",
        [("Deepak", None, ["Malacca Strait"], "Manila", None, "2024-05-09")],
    ),
    # A place name before a noun of an occasion names the occasion, not the end.
    (
        "Two Il-96-300PUs flew from Vnukovo to Minsk on Monday for the CSTO summit.",
        [("Il-96-300PU", "Vnukovo", [], "Minsk", "2024-05-06", "2024-05-06")],
    ),
    # A second leg told after "and" with its own "from" and "to" but no verb of its own.
    (
        "The Il-62M RA-86496 flew from Moscow to Tehran on Monday and from Tehran to Damascus "
        "on Tuesday.",
        [
            ("Il-62M", "Moscow", [], "Tehran", "2024-05-06", "2024-05-06"),
            ("Il-62M", "Tehran", [], "Damascus", "2024-05-07", "2024-05-07"),
        ],
    ),
    # "to" parsed as a dative after a verb of bringing, its place tagged as a person.
    (
        "The C-17 brought two AH-64E Apaches to Rzeszow on Monday.",
        [
            ("AH-64E", None, [], "Rzeszow", "2024-05-06", "2024-05-06"),
            ("C-17", None, [], "Rzeszow", "2024-05-06", "2024-05-06"),
        ],
    ),
    # The craft a load was unloaded from came with it; the craft that carried a load made
    # the trip the load is told to have made.
    (
        "Two Mi-24P helicopters were unloaded from an An-124 at Bamako on Tuesday.",
        [
            ("An-124", None, [], "Bamako", None, "2024-05-07"),
            ("Mi-24P", None, [], "Bamako", None, "2024-05-07"),
        ],
    ),
    (
        "The Pantsir-S1 systems arrived in Minsk on Monday. They had been carried by an Il-76 "
        "from Chkalovsky.",
        [
            ("Il-76", "Chkalovsky", [], "Minsk", None, "2024-05-06"),
            ("Pantsir-S1", "Chkalovsky", [], "Minsk", None, "2024-05-06"),
        ],
    ),
    # "was not, as ... reported, sent": the negation reaches the participle past the aside.
    ("The destroyer HMS Duncan was not, as several outlets reported, sent to Cyprus.", []),
    # A question tells no trip, unless it asks how or when one was made; a claimed trip the
    # sentence calls false is none.
    ("Q: Is the Iranian frigate Sahand going to Venezuela?", []),
    ("The two Mirage 2000-5Fs landed at Starokostiantyniv?", []),
    (
        "Q: Admiral, how did HMCS Ville de Québec get to Tokyo?",
        [("Ville de Québec", None, [], "Tokyo", None, None)],
    ),
    (
        "Reports that the frigate Admiral Essen had sailed to Odesa are false, the ministry said.",
        [],
    ),
    ("Claims that the Patriot batteries were moved to Germany were not correct.", []),
    ("There is no evidence that the Il-76 RA-78830 landed in Minsk.", []),
    # A habit is no one trip; a trip prevented was not made.
    ("Russian Il-76s routinely fly from Chkalovsky to Hmeimim.", []),
    ("The tanker Eagle S was prevented from sailing to Port Said.", []),
    # "instead of" and "rather than" set the trip aside; the one told instead stands.
    (
        "Instead of flying to Minsk, the Il-76 RA-78830 landed in Vitebsk on Monday.",
        [("Il-76", None, [], "Vitebsk", None, "2024-05-06")],
    ),
    (
        "The frigate Admiral Essen headed for Benghazi on Monday rather than sailing to Tartus.",
        [("Admiral Essen", None, [], "Benghazi", "2024-05-06", None)],
    ),
    # Lying somewhere "still" is a state kept, not an arrival.
    ("Imagery shows the car carrier Galaxy Leader still anchored off Hodeidah.", []),
    # "Both Russian aircraft": of the assets named, the Russian ones, by their maker when the
    # report names no operator (not the Japanese jets sent up to meet them).
    (
        "Two Tu-95MS bombers took off from Ukrainka on Sunday. Japanese F-15Js were scrambled "
        "from Chitose. Both Russian aircraft landed at Engels later that day.",
        [("Tu-95MS", "Ukrainka", [], "Engels", "2024-05-05", "2024-05-05")],
    ),
    # A class in the "of" phrase of "one of" in apposition to the ship is the ship's.
    (
        "HMS Tamar, one of two River-class patrol vessels in the region, reached Suva on Tuesday.",
        [("River-class", None, [], "Suva", None, "2024-05-07")],
    ),
    # A unit in the "of" phrase of a designator that opens the sentence is whose it is.
    (
        "KC-135R 58-0100 of the 100th Air Refueling Wing flew from Mildenhall to Incirlik on "
        "Tuesday.",
        [("KC-135R", "Mildenhall", [], "Incirlik", "2024-05-07", "2024-05-07")],
    ),
    # Equipment named again with its unit in a "from" phrase is the equipment, and a
    # place inside the country it was sent to is where it went.
    (
        "Britain sent a battery of Sky Sabre launchers to Poland. The launchers, from 16th "
        "Regiment Royal Artillery, crossed from Dover to Calais on 11 September and were "
        "driven to Rzeszow, arriving on the 14th.",
        [("Sky Sabre", "Dover", ["Calais"], "Rzeszow", "2023-09-11", "2023-09-14")],
    ),
    # "made <place>": got there.
    (
        "The frigate Al-Qahera left Kiel on 28 July and made Alexandria on 8 August.",
        [("Al-Qahera", "Kiel", [], "Alexandria", "2023-07-28", "2023-08-08")],
    ),
    # A ship class named like a listed item of another kind, and with its design's number.
    (
        "The Gepard-class frigate Dinh Tien Hoang arrived in Jakarta on Tuesday.",
        [("Gepard-class", None, [], "Jakarta", None, "2024-05-07")],
    ),
    (
        "The Gepard 3.9-class frigate Tran Hung Dao arrived in Jakarta on Tuesday.",
        [("Gepard 3.9-class", None, [], "Jakarta", None, "2024-05-07")],
    ),
]


@pytest.mark.parametrize(("text", "legs"), CASES, ids=[c[0][:40] for c in CASES])
def test_trip_end(geocoded_text: Analyze, text: str, legs: list[Leg]) -> None:
    assert legs_of(geocoded_text(text, DATE)) == sorted(legs, key=repr)
