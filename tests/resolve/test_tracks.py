"""Asset tracks: identifier wins, legs told twice are one leg, gaps and contradictions."""

from __future__ import annotations

from tests.resolve.builders import Report
from wirewatch import resolve
from wirewatch.model import Filters
from wirewatch.store import Store

MIGALOVO = ("Migalovo", 56.82, 35.76, "RUS", "airbase")
KHMEIMIM = ("Khmeimim", 35.40, 35.95, "SYR", "airbase")
BENINA = ("Benina", 32.10, 20.27, "LBY", "airport")
BAMAKO = ("Bamako", 12.53, -7.95, "MLI", "airport")
CARACAS = ("Caracas", 10.49, -66.88, "VEN", "city")


def flight(
    doc: str,
    date: str,
    origin,
    destination,
    *,
    identifier: str | None = "RA-82038",
    depart: str | None = None,
    arrive: str | None = None,
    outlet: str = "Wire A",
    model: str = "An-124",
    country: str = "RUS",
    via=(),
) -> Report:
    r = Report(doc, date, outlet)
    o = r.place(*origin) if origin else None
    d = r.place(*destination)
    v = tuple(r.place(*p) for p in via)
    r.movement(
        model,
        country,
        identifier=identifier,
        origin=o,
        destination=d,
        via=v,
        depart=depart,
        arrive=arrive,
    )
    return r


def _save(store: Store, *reports: Report) -> None:
    for report in reports:
        store.save_analysis(report.analysis())
    resolve.update(store, [r.id for r in reports])


def test_a_day_told_wins_over_a_range_and_ranges_disagree_with_nothing(store: Store) -> None:
    """A report that dates a flight's take-off only as "the day it landed or the one
    before" (a range, "2026-10-06/2026-10-07") gives way to a report that tells the day, and
    disagrees with no other range."""
    _save(
        store,
        flight("r1", "2026-10-08", KHMEIMIM, BENINA, depart="2026-10-06/2026-10-07"),
        flight("r2", "2026-10-09", KHMEIMIM, BENINA, depart="2026-10-05/2026-10-07"),
        flight("r3", "2026-10-10", KHMEIMIM, BENINA, depart="2026-10-07", outlet="Wire B"),
    )
    (leg,) = resolve.find_tracks(store, "RA-82038")[0].legs
    assert leg.depart is not None and leg.depart.isoformat() == "2026-10-07"
    assert [d.field for d in leg.disagreements] == []
    _save(store, flight("r4", "2026-10-11", KHMEIMIM, BENINA, depart="2026-10-06"))
    (leg,) = resolve.find_tracks(store, "RA-82038")[0].legs
    assert [d.field for d in leg.disagreements] == ["depart"]  # two days told, not ranges


def test_legs_in_order_one_leg_per_trip_with_every_source(store: Store) -> None:
    _save(
        store,
        flight("t1", "2026-10-06", MIGALOVO, KHMEIMIM, depart="2026-10-04", arrive="2026-10-05"),
        flight("t2", "2026-10-08", KHMEIMIM, BENINA, arrive="2026-10-07", outlet="Wire B"),
        flight(
            "t3",
            "2026-10-09",
            KHMEIMIM,
            BENINA,
            arrive="2026-10-07",
            outlet="Wire C",
            identifier="RA 82038",
        ),
        flight("t4", "2026-10-11", BENINA, BAMAKO, depart="2026-10-09", arrive="2026-10-09"),
    )
    found = resolve.find_tracks(store, "RA-82038")
    assert len(found) == 1
    track = found[0]
    assert track.identified and track.model == "An-124" and track.operator_country == "RUS"
    assert [leg.destination.name for leg in track.legs] == ["Khmeimim", "Benina", "Bamako"]
    assert [sorted(s.document_id for s in leg.sources) for leg in track.legs] == [
        ["t1"],
        ["t2", "t3"],
        ["t4"],
    ]
    assert track.flags == []
    assert resolve.track(store, track.key) == track
    assert [t.key for t in resolve.find_tracks(store, "an124")] == [track.key]


def test_gap_and_contradiction_are_flagged(store: Store) -> None:
    _save(
        store,
        flight("g1", "2026-10-06", MIGALOVO, KHMEIMIM, arrive="2026-10-05"),
        # Next known departure is from Benina: how it got there is not reported.
        flight("g2", "2026-10-11", BENINA, BAMAKO, depart="2026-10-09", arrive="2026-10-09"),
        # Another report puts it in Caracas the same day.
        flight("g3", "2026-10-11", KHMEIMIM, CARACAS, arrive="2026-10-09", outlet="Wire Z"),
    )
    track = resolve.find_tracks(store, "RA-82038")[0]
    kinds = sorted(f.kind for f in track.flags)
    assert "gap" in kinds and "contradiction" in kinds
    gap = next(f for f in track.flags if f.kind == "gap")
    assert gap.km is not None and gap.km > 1000
    contradiction = next(f for f in track.flags if f.kind == "contradiction")
    assert contradiction.date is not None and contradiction.date.isoformat() == "2026-10-09"


def test_arrival_before_departure_is_a_contradiction(store: Store) -> None:
    _save(
        store,
        flight("a1", "2026-10-06", MIGALOVO, KHMEIMIM, depart="2026-10-04", arrive="2026-10-05"),
        # One report's dates cannot both be right: it lands five days before it leaves.
        flight("a2", "2026-10-15", BAMAKO, MIGALOVO, depart="2026-10-12", arrive="2026-10-07"),
    )
    track = resolve.find_tracks(store, "RA-82038")[0]
    flagged = [f for f in track.flags if f.legs[0] == f.legs[1]]
    assert len(flagged) == 1
    flag = flagged[0]
    leg = track.legs[flag.legs[0]]
    assert flag.kind == "contradiction" and [s.document_id for s in leg.sources] == ["a2"]
    assert flag.date is not None and flag.date.isoformat() == "2026-10-07"
    assert flag.detail == (
        "arrives at Migalovo on 2026-10-07, before it departs from Bamako on 2026-10-12"
    )
    # The well-ordered leg is not flagged.
    assert all(f.legs != (0, 0) for f in track.flags)


BALTIYSK = ("Baltiysk", 54.65, 19.91, "RUS", "port")
GIBRALTAR = ("Strait of Gibraltar", 35.97, -5.50, None, "water")
TARTUS = ("Tartus", 34.89, 35.87, "SYR", "port")


def _voyage(
    doc: str,
    date: str,
    outlet: str,
    text: str,
    destination,
    arrive: str,
    *,
    hull: str | None = "751",
    origin=None,
) -> Report:
    r = Report(doc, date, outlet)
    r.sentence(text)
    r.movement(
        "Project 11356M",
        "RUS",
        identifier=hull,
        kind="ship",
        origin=r.place(*origin) if origin else None,
        destination=r.place(*destination),
        arrive=arrive,
    )
    return r


def test_port_call_reports_are_one_leg_of_the_ship_track(store: Store) -> None:
    """A port call gives no event (spec §3), so the reports of one are a track leg: the
    hull-numbered reports, a syndicated copy of one of them and a report naming no hull
    number (joined by model, operator, date and the shared port) are all its sources."""
    _save(
        store,
        _voyage(
            "essen-strait",
            "2026-10-12",
            "Wire G",
            "The frigate and a fleet tanker sailed into the Mediterranean on Saturday.",
            GIBRALTAR,
            "2026-10-10",
            origin=BALTIYSK,
        ),
        _voyage(
            "essen-port-a",
            "2026-10-15",
            "Wire C",
            "Two Russian navy ships tied up at the Syrian naval facility yesterday.",
            TARTUS,
            "2026-10-14",
            hull=None,
        ),
        _voyage(
            "essen-port-b",
            "2026-10-16",
            "Wire L",
            "The frigate, hull 751, berthed on Wednesday for a week of repairs.",
            TARTUS,
            "2026-10-14",
        ),
        _voyage(
            "essen-port-c",
            "2026-10-17",
            "Wire N",
            "The frigate, hull 751, berthed on Wednesday for a week of repairs.",
            TARTUS,
            "2026-10-14",
        ),
    )
    [track] = resolve.find_tracks(store, "751")
    assert [leg.destination.name for leg in track.legs if leg.destination] == [
        "Strait of Gibraltar",
        "Tartus",
    ]
    assert sorted(s.document_id for s in track.legs[1].sources) == [
        "essen-port-a",
        "essen-port-b",
        "essen-port-c",
    ]
    assert resolve.stories(store).items == []  # a port call is not a story


def test_unidentified_movement_joins_only_when_unambiguous(store: Store) -> None:
    known = flight("u1", "2026-10-08", KHMEIMIM, BENINA, arrive="2026-10-07")
    vague = flight(
        "u2",
        "2026-10-08",
        ("Latakia", 35.52, 35.78, "SYR", "city"),
        BENINA,
        arrive="2026-10-06",
        identifier=None,
        outlet="Other",
    )
    _save(store, known, vague)
    track = resolve.find_tracks(store, "RA-82038")[0]
    assert len(track.legs) == 1
    leg = track.legs[0]
    assert sorted(s.document_id for s in leg.sources) == ["u1", "u2"]
    assert {d.field for d in leg.disagreements} == {"arrive", "origin"}
    # A second identified An-124 of the same operator at Benina makes the match ambiguous.
    _save(
        store,
        flight("u3", "2026-10-08", KHMEIMIM, BENINA, arrive="2026-10-07", identifier="RA-82035"),
    )
    tracks = {t.key: t for t in resolve.tracks(store).items}
    assert sorted(tracks) == ["RA82035|RUS", "RA82038|RUS", "model:an124|RUS|2026-10"]
    model_track = tracks["model:an124|RUS|2026-10"]
    assert [s.document_id for leg in model_track.legs for s in leg.sources] == ["u2"]
    assert not model_track.identified


def test_other_operator_or_model_is_another_track(store: Store) -> None:
    _save(
        store,
        flight("o1", "2026-10-08", KHMEIMIM, BENINA, arrive="2026-10-07"),
        flight(
            "o2",
            "2026-10-08",
            KHMEIMIM,
            BENINA,
            arrive="2026-10-07",
            identifier=None,
            country="UKR",
        ),
        flight(
            "o3",
            "2026-10-08",
            KHMEIMIM,
            BENINA,
            arrive="2026-10-07",
            identifier=None,
            model="Il-76MD",
        ),
    )
    keys = sorted(t.key for t in resolve.tracks(store).items)
    assert keys == ["RA82038|RUS", "model:an124|UKR|2026-10", "model:il76md|RUS|2026-10"]
    assert [t.key for t in resolve.tracks(store, Filters(asset_model="Il-76MD")).items] == [
        "model:il76md|RUS|2026-10"
    ]
    assert [t.key for t in resolve.tracks(store, Filters(country="UKR")).items] == [
        "model:an124|UKR|2026-10"
    ]
