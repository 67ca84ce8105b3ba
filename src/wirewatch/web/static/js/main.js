// Wiring: load the data for the facet filters, then keep map, timeline, lists and export
// links in step with the date range (brushed on the timeline or typed in the date inputs).

import { exportURL, getAll, params } from "./api.js";
import { DetailPanel } from "./detail.js";
import { facetOptions, renderFacets } from "./facets.js";
import { renderEvents, renderStories, renderTracks, setupTabs } from "./lists.js";
import { EventMap, eventDate, legSpan, trackPoints } from "./map.js";
import { Timeline } from "./timeline.js";

const $ = (id) => document.getElementById(id);
const DAY = 86400000;

const state = {
  facets: { type: [], country: "", outlet: "", asset: "", q: "" },
  range: null, // [since, until] ISO dates, applied in the browser to the loaded data
  events: [],
  tracks: [],
  stories: [],
  storyNote: "",
  trackNote: "",
  truncated: false,
  visible: { events: [], tracks: [], stories: [] },
};

const detail = new DetailPanel($("detail"));
const tabs = setupTabs();
const map = new EventMap($("map"), { onEvent: openEvent, onTrack: openTrack });
const timeline = new Timeline($("histogram"), (range) => setRange(range), $("timeline-extent"));

function overlaps(start, end, range) {
  return !range || (end >= range[0] && start <= range[1]);
}

function inRange(record) {
  const w = record.event.when;
  return overlaps(w?.start ?? record.document_date, w?.end ?? record.document_date, state.range);
}

// A track keeps only its legs whose dates (departure to arrival) overlap the range; a track
// with none left is hidden. Flags point at legs by position, so they are renumbered, and a
// flag about a leg that was cut is dropped with it.
function trackInRange(track) {
  if (!state.range) return track;
  const kept = track.legs.map((leg, i) => i)
    .filter((i) => overlaps(...legSpan(track.legs[i]), state.range));
  if (!kept.length) return null;
  const position = new Map(kept.map((old, now) => [old, now]));
  const flags = track.flags.filter((f) => f.legs.every((i) => position.has(i)))
    .map((f) => ({ ...f, legs: f.legs.map((i) => position.get(i)) }));
  return { ...track, legs: kept.map((i) => track.legs[i]), flags };
}

function sameHappening(a, b) {
  if (a.event.event !== b.event.event) return false;
  const gap = Math.abs(Date.parse(eventDate(a)) - Date.parse(eventDate(b)));
  const placeA = a.place?.name?.toLowerCase();
  return gap <= DAY && (placeA ? placeA === b.place?.name?.toLowerCase()
    : a.document_id === b.document_id);
}

function openEvent(record) {
  const reports = state.events.filter((r) => sameHappening(record, r));
  map.focus(record.place ? [[record.place.lat, record.place.lon]] : []);
  return detail.showEvent(record, reports, openEvent, openStory);
}

function openStory(story, index = 0) {
  if (story.lat != null && story.lon != null) map.focus([[story.lat, story.lon]]);
  return detail.showStory(story, index, openStory);
}

function openLeg(track, index, sourceIndex = 0) {
  const leg = track.legs[index];
  map.focus([leg.origin, ...leg.via, leg.destination].filter(Boolean).map((p) => [p.lat, p.lon]));
  return detail.showLeg(track, index, openLeg, sourceIndex);
}

function openTrack(track) {
  tabs.select("tracks");
  map.focus(trackPoints(track));
  detail.showTrack(track, openLeg);
}

function render() {
  const events = state.events.filter(inRange);
  const tracks = state.tracks.map(trackInRange).filter(Boolean);
  const stories = state.stories.filter((st) => overlaps(st.start, st.end, state.range));
  state.visible = { events, tracks, stories };
  const markers = map.showEvents(events);
  const lines = map.showTracks(tracks);
  renderEvents(events, openEvent);
  renderTracks(tracks, state.trackNote, openTrack);
  renderStories(stories, state.storyNote, openStory);
  $("tab-events").textContent = `Events (${events.length})`;
  $("tab-tracks").textContent = `Tracks (${tracks.length})`;
  $("tab-stories").textContent = `Stories (${stories.length})`;
  timeline.update(state.events.map(eventDate), state.range);
  $("since").value = state.range?.[0] ?? "";
  $("until").value = state.range?.[1] ?? "";
  $("export-csv").href = exportURL("csv", state.facets, state.range);
  $("export-geojson").href = exportURL("geojson", state.facets, state.range);
  const note = state.truncated ? " (first 5,000 loaded: narrow the filters)" : "";
  $("status").textContent = `${events.length} events (${markers} on the map), `
    + `${tracks.length} tracks${note}`;
  Object.assign($("map").dataset, { events: markers, tracks: lines });
}

// An open end (only "from" or only "to" typed) runs to the first or last loaded date.
function setRange(range) {
  const dates = state.events.map(eventDate).sort();
  const [since, until] = range ?? [];
  if (!since && !until) state.range = null;
  else state.range = [since || dates[0] || until, until || dates[dates.length - 1] || since].sort();
  render();
}

async function load() {
  document.body.dataset.loading = "true";
  $("status").textContent = "Loading…";
  try {
    const query = params(state.facets);
    const [events, tracks, stories] = await Promise.all([getAll("/events", query),
      loadTracks(), loadStories()]);
    state.events = events.items;
    state.tracks = tracks.items;
    state.stories = stories;
    state.truncated = events.truncated || tracks.truncated;
    render();
  } catch (error) {
    $("status").textContent = `Could not load: ${error.message}`;
  } finally {
    document.body.dataset.loading = "false";
  }
}

// Tracks are resolved airframes: event type and document text do not apply to them (the
// API refuses those filters), so the tab says they are not narrowed by them.
async function loadTracks() {
  const { type, q } = state.facets;
  state.trackNote = type.length || q
    ? "Tracks are not filtered by event type or text: they follow airframes." : "";
  const { country, outlet, asset } = state.facets;
  return getAll("/tracks", params({ type: [], country, outlet, asset, q: "" }));
}

// Stories come from cross-document resolution; without it (or for filters stories do not
// take) the tab says why instead of failing the whole load.
async function loadStories() {
  state.storyNote = "";
  if (state.facets.q || state.facets.asset) {
    state.storyNote = "Stories are not filtered by text or asset: clear those to list them.";
    return [];
  }
  try {
    return (await getAll("/stories", params(state.facets))).items;
  } catch (error) {
    state.storyNote = error.message;
    return [];
  }
}

function bindControls() {
  for (const name of ["country", "outlet", "asset"]) {
    $(name).addEventListener("change", () => { state.facets[name] = $(name).value; load(); });
  }
  $("search").addEventListener("submit", (e) => {
    e.preventDefault();
    state.facets.q = $("q").value.trim();
    load();
  });
  const typed = () => setRange([$("since").value, $("until").value]);
  $("since").addEventListener("change", typed);
  $("until").addEventListener("change", typed);
  $("clear-dates").addEventListener("click", () => setRange(null));
  $("reset").addEventListener("click", () => {
    state.facets = { type: [], country: "", outlet: "", asset: "", q: "" };
    for (const name of ["country", "outlet", "asset", "q"]) $(name).value = "";
    for (const box of document.querySelectorAll("#types input")) box.checked = false;
    state.range = null;
    load();
  });
}

async function boot() {
  bindControls();
  // The facet options come from everything, before any filter narrows it.
  await load();
  renderFacets(facetOptions(state.events, state.tracks), state.facets, load);
  await map.ready;
  const points = [...state.visible.events.filter((r) => r.place).map((r) => [r.place.lat, r.place.lon]),
    ...state.visible.tracks.flatMap(trackPoints)];
  if (points.length) map.focus(points);
  document.body.dataset.ready = "true";
}

window.wirewatch = { state, map, setRange, openEvent, openTrack, openLeg, openStory };
boot();
