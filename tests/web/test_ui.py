"""The web UI in a real headless Chromium over the ingested example corpus."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

SETTLED = "body[data-loading='false']"


def _state(page, expression: str):
    return page.evaluate(f"() => {{ const s = window.wirewatch.state; return {expression}; }}")


def test_map_shows_markers_tracks_and_legend(page, artifacts) -> None:
    assert int(page.get_attribute("#map", "data-events")) > 0
    shown = page.locator("path.ww-event").count() + page.locator(".marker-cluster").count()
    assert shown > 0
    assert page.locator("path.ww-track").count() >= 1
    assert page.locator(".track-arrow").count() >= 2
    assert "Material conflict" in page.inner_text(".legend")
    an124 = _state(
        page,
        "s.tracks.filter(t => t.model === 'An-124' && "
        "t.identifier === 'RA-82038').map(t => t.legs.length)",
    )
    assert an124 and an124[0] >= 2
    # Every drawn line is a track with two or more located stops, and only those are drawn.
    drawable = _state(
        page,
        "s.visible.tracks.filter(t => window.wirewatch.map.constructor"
        " && t.legs.flatMap(l => [l.origin, ...l.via, l.destination])"
        ".filter(p => p && p.lat != null).length >= 2).length",
    )
    assert int(page.get_attribute("#map", "data-tracks")) == drawable
    page.screenshot(path=str(artifacts / "ui-overview.png"))


def test_country_shapes_do_not_smear_across_the_antimeridian(page) -> None:
    # At zoom 1 the world is 512 px wide; a ring drawn the long way round would have a
    # segment spanning most of it. Antarctica legitimately spans the whole width.
    page.evaluate("() => window.wirewatch.map.map.setView([40, 20], 1, {animate: false})")
    widest = page.evaluate("""() => {
      let worst = {dx: 0, id: null};
      for (const path of document.querySelectorAll('path.ww-country')) {
        if (path.classList.contains('ww-c010')) continue;
        const d = path.getAttribute('d') || '';
        for (const sub of d.split(/[Mm]/)) {
          const pts = [...sub.matchAll(/(-?[\\d.]+)[ ,](-?[\\d.]+)/g)].map(m => +m[1]);
          for (let i = 1; i < pts.length; i++) {
            const dx = Math.abs(pts[i] - pts[i - 1]);
            if (dx > worst.dx) worst = {dx, id: path.getAttribute('class')};
          }
        }
      }
      return worst;
    }""")
    assert page.locator("path.ww-c643").count() == 1  # Russia is drawn
    assert widest["dx"] < 200, widest


def test_date_inputs_filter_map_lists_and_tracks(page, artifacts) -> None:
    everything = _state(page, "s.visible.events.length")
    page.fill("#since", "2019-03-01")
    page.fill("#until", "2019-03-31")
    page.locator("#until").dispatch_event("change")
    spans = _state(
        page,
        "s.visible.events.map(r => r.event.when ? [r.event.when.start, "
        "r.event.when.end] : [r.document_date, r.document_date])",
    )
    assert spans and len(spans) < everything
    assert all(end >= "2019-03-01" and start <= "2019-03-31" for start, end in spans)
    # A leg is kept when its departure-to-arrival span overlaps the range (either date
    # standing in for the other, else its earliest report).
    legs = _state(
        page,
        "s.visible.tracks.flatMap(t => t.legs.map(l => [l.depart ?? l.arrive "
        "?? l.sources.map(x => x.date).sort()[0], l.arrive ?? l.depart ?? "
        "l.sources.map(x => x.date).sort()[0]].sort()))",
    )
    assert legs and all(end >= "2019-03-01" and start <= "2019-03-31" for start, end in legs)
    # The 2019 An-124 is reported with no tail number: resolve's per-model track carries it,
    # and the map still draws it (dashed, as unidentified).
    an124 = _state(
        page,
        "s.visible.tracks.filter(t => t.model === 'An-124')"
        ".map(t => [t.identified, t.start, t.legs.length])",
    )
    assert an124 and all(
        not identified and start.startswith("2019-03") and legs >= 1
        for identified, start, legs in an124
    )
    assert page.locator("path.ww-track.unidentified").count() >= 1
    assert int(page.get_attribute("#map", "data-tracks")) >= 1
    assert page.locator(".track-arrow").count() >= 2
    assert "since=2019-03-01" in page.get_attribute("#export-csv", "href")
    assert "until=2019-03-31" in page.get_attribute("#export-geojson", "href")
    page.screenshot(path=str(artifacts / "ui-dates.png"))
    page.click("#clear-dates")
    assert _state(page, "s.visible.events.length") == everything


def test_brushing_the_timeline_picks_a_range(page) -> None:
    box = page.locator("#histogram").bounding_box()
    y = box["y"] + box["height"] / 2
    # The timeline opens on the main period (October 2026): brush across its middle.
    page.mouse.move(box["x"] + box["width"] * 0.3, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.5, y, steps=4)
    page.mouse.move(box["x"] + box["width"] * 0.7, y, steps=4)
    page.mouse.up()
    since, until = _state(page, "s.range")
    assert since <= until and since.startswith("2026")
    assert page.input_value("#since") == since and page.input_value("#until") == until
    spans = _state(
        page,
        "s.visible.events.map(r => r.event.when ? [r.event.when.start, "
        "r.event.when.end] : [r.document_date, r.document_date])",
    )
    assert spans and len(spans) < _state(page, "s.events.length")
    assert all(end >= since and start <= until for start, end in spans)  # as Filters does
    assert page.locator("#histogram rect.brush").count() == 1


def test_type_facet_reloads_with_only_that_type(page, artifacts) -> None:
    page.check("#type-MOBILIZE")
    page.wait_for_selector(SETTLED)
    page.wait_for_function(
        "() => window.wirewatch.state.events.every(r => r.event.event === 'MOBILIZE')"
    )
    types = set(
        page.locator("#events-list button.item").evaluate_all(
            "nodes => nodes.map(n => n.dataset.type)"
        )
    )
    assert types == {"MOBILIZE"}
    assert "type=MOBILIZE" in page.get_attribute("#export-csv", "href")
    # Tracks follow airframes, not event types: still listed, with a note saying so.
    assert _state(page, "s.tracks.length") > 0
    assert "not filtered by event type" in page.inner_text("#tracks-list")
    page.screenshot(path=str(artifacts / "ui-mobilize.png"))


def test_event_detail_highlights_the_evidence(page, artifacts) -> None:
    first = page.locator("#events-list button.item").first
    first.focus()
    page.keyboard.press("Enter")  # the lists are reachable from the keyboard
    mark = page.locator("#detail mark.evidence").first
    mark.wait_for()
    evidence = _state(page, "s.visible.events[0].event.evidence.map(e => e.text)")
    assert mark.inner_text().strip() in [e.strip() for e in evidence]
    # The text box is scrolled so the highlighted sentence is in view.
    box, marked = page.locator("#detail .doctext").bounding_box(), mark.bounding_box()
    assert box["y"] <= marked["y"] < box["y"] + box["height"]
    fields = page.locator("#detail dl.fields dt").all_inner_texts()
    assert {"Type", "Date", "Actor", "Attribution"} <= set(fields)
    assert "object" not in page.inner_text("#detail dl.fields")
    assert page.locator("#detail h3", has_text="Reported by").count() == 1
    assert page.locator("#detail h3", has_text="Claims in this report").count() == 1
    page.screenshot(path=str(artifacts / "ui-event-detail.png"))


def test_track_detail_lists_legs_and_opens_one(page, artifacts) -> None:
    page.click("#tab-tracks")
    page.locator("#tracks-list button.item", has_text="An-124 RA-82038").first.click()
    track = _state(page, "s.visible.tracks.find(t => t.identifier === 'RA-82038')")
    legs = page.locator("#detail ol.legs button")
    assert legs.count() == len(track["legs"]) >= 2
    assert "Khmeimim" in page.inner_text("#detail ol.legs")
    # resolve's flags are listed, each with the legs it concerns.
    assert track["flags"], "the conflicting sighting (tests/web/data) contradicts the track"
    flags = page.locator("#detail ul.flags li")
    assert flags.count() == len(track["flags"])
    assert {f["kind"] for f in track["flags"]} <= set(page.inner_text("#detail ul.flags").split())
    legs.first.click()
    page.locator("#detail mark.evidence").first.wait_for()
    leg = track["legs"][0]
    text = page.inner_text("#detail").lower()
    assert f"every report of this leg ({len(leg['sources'])})" in text
    # Every report behind the leg is listed, the shown one first, its evidence highlighted.
    assert page.locator("#detail ul.sources li").count() == len(leg["sources"])
    marked = page.locator("#detail mark.evidence").all_inner_texts()
    assert {m.strip() for m in marked} <= {e["text"].strip() for e in leg["sources"][0]["evidence"]}
    assert {"Route", "Reports"} <= set(page.locator("#detail dl.fields dt").all_inner_texts())
    # A track no report identifies says so, and shows no flag section it does not have.
    page.locator("#tracks-list button.item", has_text="An-124 (unidentified)").first.click()
    page.locator("#detail h2", has_text="Track: An-124 (unidentified)").wait_for()
    assert "none reported" in page.inner_text("#detail dl.fields")
    assert "null" not in page.inner_text("#detail")
    page.screenshot(path=str(artifacts / "ui-track-detail.png"))


def test_search_box_filters_by_text(page) -> None:
    page.fill("#q", "Benghazi")
    page.keyboard.press("Enter")
    page.wait_for_function("() => window.wirewatch.state.facets.q === 'Benghazi'")
    page.wait_for_selector(SETTLED)
    count = _state(page, "s.events.length")
    total = page.evaluate(
        "async () => (await (await fetch('/api/v1/events?limit=1000')).json()).items.length"
    )
    assert 0 < count < total


def test_story_detail_lists_every_report(page, artifacts) -> None:
    if not _state(page, "s.stories.length"):
        pytest.skip("no stories: the resolve module is not installed")
    page.click("#tab-stories")
    # A story told by several outlets, if the corpus has one.
    several = page.locator("#stories-list button.item", has_text="report(s)")
    best = max(
        range(several.count()),
        key=lambda i: int(several.nth(i).inner_text().rsplit("·", 1)[1].split()[0]),
    )
    several.nth(best).click()
    page.locator("#detail mark.evidence").first.wait_for()
    text = page.inner_text("#detail").lower()
    assert "every report" in text and "story:" in text
    reports = page.locator("#detail ul.sources li")
    assert reports.count() == int(page.locator("#detail dl.fields dd").nth(4).inner_text())
    page.screenshot(path=str(artifacts / "ui-story-detail.png"))


def test_timeline_focuses_on_the_main_period_and_shows_all_years_on_request(page) -> None:
    # The example corpus has a few background events years earlier (2014, 2019) than its
    # October 2026 reports: the timeline opens on 2026 and counts the others at its edge.
    ticks = page.locator("#histogram text.tick").all_text_contents()
    assert ticks and all(t.startswith("2026") for t in ticks)
    assert "earlier" in " ".join(page.locator("#histogram text.outside").all_text_contents())
    button = page.locator("#timeline-extent")
    assert button.is_visible() and button.inner_text() == "All years"
    button.click()
    ticks = page.locator("#histogram text.tick").all_text_contents()
    assert ticks[0] < "2020" and ticks[-1] >= "2026"
    assert page.locator("#histogram text.outside").count() == 0
    assert button.get_attribute("aria-pressed") == "true"
    button.click()  # and back
    assert page.locator("#histogram text.tick").first.text_content().startswith("2026")
