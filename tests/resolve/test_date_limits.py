"""Resolution at the ends of the calendar: no window, padding or join leaves it.

Documents may be dated 1000-01-01 to 8999-12-31 (`model/limits.py`), but what their text says
can reach the calendar's own ends: "the year 9999" is 9999-01-01..9999-12-31, and an event
dated on 0001-01-01 can come from a caller that builds analyses directly. Story windows,
track joins and their padding must stop at date.min / date.max (`timex.clamp_days`) and still
find every neighbour an unbounded calendar would: the incremental update agrees with the
rebuild on both backends.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.resolve.builders import Report
from tests.resolve.test_incremental import snapshot
from wirewatch import resolve
from wirewatch.analyze import Resources, analyze, load_resources
from wirewatch.extract.timex import clamp_days
from wirewatch.ingest._fingerprint import fingerprint
from wirewatch.model import Document, Origin, When
from wirewatch.model.limits import DATE_MAX, DATE_MIN
from wirewatch.resolve.config import rules
from wirewatch.resolve.storygraph import EventNode, Window, compatible
from wirewatch.resolve.trackbuild import Nearby, Sighting, sightings
from wirewatch.resolve.trackdb import _windows
from wirewatch.store import Store

FIRST, LAST = dt.date.min, dt.date.max
KHMEIMIM = ("Khmeimim", 35.40, 35.95, "SYR", "airbase")
BENINA = ("Benina", 32.10, 20.27, "LBY", "airport")

# Relative and explicit dates that leave the calendar from a document dated at either limit.
LIMIT_TEXTS = (
    (
        "Russian jets struck Idlib yesterday, the defence ministry said. The next day Turkish "
        "troops shelled Afrin. Russia deployed S-400 missiles to Syria last month and will "
        "send more next year. In 50 years the base will close. A century ago the fort fell, "
        "and 10,000 years ago nobody lived there. In the year 9999 the treaty ends. On Monday "
        "an An-124 flew from Khmeimim to Benina; it left on Sunday and returned the next day. "
        "The talks of 2019-00-10 and 31/02/2019 never took place."
    ),
    (
        "Ukrainian forces shelled Donetsk this morning, officials said, a day after Russian "
        "artillery hit Kharkiv. Last week the army moved tanks to the border; the previous week "
        "it had withdrawn them. Talks are planned for next Friday and again in December. "
        "Three days later the ceasefire collapsed. The 2090s will be quieter, and the year 1 "
        "was long ago; 2019-13-10, 2019-02-30 and 2019-01-00 are not dates."
    ),
)


def _window(start: dt.date, end: dt.date) -> When:
    return When(start=start, end=end, precision="day" if start == end else "range")


def _node(doc: str, start: dt.date, end: dt.date | None = None) -> EventNode:
    return EventNode(
        doc, "e1", "ASSAULT", start, end or start, 36.2, 37.1, "SYR", frozenset({"RUS", "SYR"})
    )


@pytest.mark.parametrize("day", [FIRST, LAST])
def test_story_window_at_the_calendar_ends(day: dt.date) -> None:
    config = rules().stories
    a, b = _node("a", day), _node("b", day)
    assert compatible(a, b, config)
    assert Window([a, b], config).near(a) == [b]


# Start dates crowded at both ends of the calendar and anywhere between, and lengths up to
# the widest interval a story takes (wider events stay out of stories, `eligible`).
edge_days = st.one_of(
    st.integers(0, 30).map(lambda k: FIRST + dt.timedelta(days=k)),
    st.integers(0, 30).map(lambda k: LAST - dt.timedelta(days=k)),
    st.dates(),
)
spans = st.tuples(edge_days, st.integers(0, rules().stories.max_interval_days))


@pytest.mark.property
@given(st.lists(spans, min_size=1, max_size=12))
def test_story_window_finds_exactly_the_compatible_events(found: list) -> None:
    config = rules().stories
    nodes = [
        _node(f"d{k}", start, clamp_days(start, length)) for k, (start, length) in enumerate(found)
    ]
    window = Window(nodes, config)
    for node in nodes:
        assert set(window.near(node)) == {n for n in nodes if compatible(node, n, config)}


@pytest.mark.property
@given(
    st.lists(st.tuples(edge_days, st.integers(0, 30)), min_size=1, max_size=8),
    st.integers(0, 400),
    st.integers(0, 400),
)
def test_track_windows_cover_their_spans_inside_the_calendar(
    found: list, pad: int, longest: int
) -> None:
    items = [("b", start, clamp_days(start, length)) for start, length in found]
    merged = _windows(items, pad, longest)["b"]
    for _, start, end in items:
        assert any(lo <= start and end <= hi for lo, hi in merged)
    assert all(FIRST <= lo <= hi <= LAST for lo, hi in merged)


@pytest.mark.parametrize("day", [FIRST, LAST])
def test_track_window_at_the_calendar_ends(day: dt.date) -> None:
    config = rules().tracks
    windows = _windows([("An-124|RUS", day, day)], config.join_days, config.join_max_span_days)
    [[lo, hi]] = windows["An-124|RUS"]
    assert lo < hi and lo <= day <= hi  # cut at the calendar's end, still around the day
    first, second = (
        _sighting(doc, day, identifier) for doc, identifier in (("s1", "RA-82038"), ("s2", None))
    )
    nearby = Nearby([("RA-82038|RUS", first)], config)
    assert nearby.fitting(second, config) == {"RA-82038|RUS"}


def _sighting(doc: str, day: dt.date, identifier: str | None) -> Sighting:
    report = Report(doc, "2019-03-25", "Wire")
    destination = report.place(*BENINA)
    report.movement("An-124", "RUS", identifier=identifier, destination=destination)
    analysis = report.analysis()
    analysis.movements[0].arrive = _window(day, day)
    return sightings(analysis, set())[0]


def _strike(doc: str, date: dt.date, on: When, outlet: str) -> Report:
    report = Report(doc, date.isoformat(), outlet)
    place = report.place("Idlib", 35.93, 36.63, "SYR")
    report.event(
        "ASSAULT",
        f"Russian jets struck Idlib ({doc}).",
        on,
        [("Russia", "RUS")],
        [("Syria", "SYR")],
        place=place,
    )
    return report


def _flight(doc: str, date: dt.date, day: dt.date, outlet: str, identifier: str | None) -> Report:
    report = Report(doc, date.isoformat(), outlet)
    report.sentence(f"A cargo flight was reported ({doc}).")  # a text of its own
    origin, destination = report.place(*KHMEIMIM), report.place(*BENINA)
    report.movement("An-124", "RUS", identifier=identifier, origin=origin, destination=destination)
    report.movements[-1].arrive = _window(day, day)
    return report


def _limit_reports() -> list[Report]:
    """Two reports of one strike and one flight on each of the calendar's last and first
    days, from documents dated at the model's limits."""
    out = []
    for edge, date in ((LAST, DATE_MAX), (FIRST, DATE_MIN)):
        tag = edge.year
        out += [
            _strike(f"s{tag}a", date, _window(edge, edge), "Wire A"),
            _strike(f"s{tag}b", date, _window(edge, edge), "Wire B"),
            _strike(f"s{tag}c", date, _window(edge, edge), "Wire C"),
            _flight(f"f{tag}a", date, edge, "Wire A", "RA-82038"),
            _flight(f"f{tag}b", date, edge, "Wire B", None),
        ]
    return out


def test_update_and_rebuild_agree_at_the_calendar_ends(store: Store) -> None:
    reports = _limit_reports()
    for report in reports:
        store.save_analysis(report.analysis())
        resolve.update(store, [report.id])  # one at a time: each update searches windows
    incremental = snapshot(store)
    stories = resolve.stories(store, limit=50).items
    # The three reports on each edge day are one story each: their windows were clamped,
    # not dropped.
    assert sorted(s.source_count for s in stories) == [3, 3]
    assert {(s.start, s.end) for s in stories} == {(FIRST, FIRST), (LAST, LAST)}
    # The unidentified flight joined the identified airframe seen the same day.
    tracks = resolve.find_tracks(store, "RA-82038")
    assert [sorted(s.document_id for leg in t.legs for s in leg.sources) for t in tracks] in (
        [["f1a", "f1b", "f9999a", "f9999b"]],
        [["f1a", "f1b"], ["f9999a", "f9999b"]],
    )
    resolve.rebuild(store)
    assert snapshot(store) == incremental


@pytest.fixture(scope="module")
def resources() -> Iterator[Resources]:
    yield load_resources(geocode=False)


@pytest.mark.parametrize(
    "date", [DATE_MIN, DATE_MAX, DATE_MIN + dt.timedelta(days=3), DATE_MAX - dt.timedelta(days=3)]
)
def test_analyses_dated_at_the_limits_resolve(
    store: Store, resources: Resources, date: dt.date
) -> None:
    ids = []
    for k, text in enumerate(LIMIT_TEXTS):
        doc = Document(id=f"limit{k}", date=date, outlet=f"Wire {k}", text=text)
        store.add_document(doc, fingerprint(doc.text), Origin(source="test", locator=doc.id))
        analysis = analyze(doc, resources)
        assert analysis.dates, "the text's dates were all dropped"
        assert all(FIRST <= d.start <= d.end <= LAST for d in analysis.dates)
        store.save_analysis(analysis)
        ids.append(doc.id)
    resolve.update(store, ids)
    incremental = snapshot(store)
    assert incremental["resolve_entities"]
    resolve.rebuild(store)
    assert snapshot(store) == incremental
