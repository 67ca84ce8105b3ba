// The result lists beside the map: events and tracks as buttons (keyboard-reachable), with
// tabs that follow the ARIA tabs pattern (arrow keys move between them).

import { clear, h } from "./dom.js";
import { eventDate, trackLabel } from "./map.js";
import { quadOf } from "./plover.js";

const SHOWN = 400; // rows per list; the map and export carry the rest

export function renderEvents(records, open) {
  const list = clear(document.getElementById("events-list"));
  for (const record of records.slice(0, SHOWN)) {
    const e = record.event;
    list.append(h("li", {}, h("button", { type: "button", class: "item",
      onclick: () => open(record), dataset: { type: e.event } },
    h("span", { class: "swatch", style: `background:${quadOf(e.event).color}` }),
    h("span", { class: "what", text: `${e.event} ${e.actor.map((a) => a.name).join(", ")}` }),
    h("span", { class: "meta", text: `${eventDate(record)} · ${record.place?.name ?? "no place"}`
      + ` · ${record.outlet ?? "unknown outlet"}` }))));
  }
  if (records.length > SHOWN) {
    list.append(h("li", { class: "muted", text: `… and ${records.length - SHOWN} more: narrow the filters or export.` }));
  }
  if (!records.length) list.append(h("li", { class: "muted", text: "No event matches." }));
}

// "1 gap, 2 contradictions": what resolve flagged on the track, for the list row.
export function flagSummary(flags) {
  const counts = new Map();
  for (const f of flags) counts.set(f.kind, (counts.get(f.kind) ?? 0) + 1);
  return [...counts].map(([kind, n]) => `${n} ${kind}${n > 1 ? "s" : ""}`).join(", ");
}

export function trackReports(track) {
  return new Set(track.legs.flatMap((l) => l.sources.map((s) => s.document_id))).size;
}

export function renderTracks(tracks, note, open) {
  const list = clear(document.getElementById("tracks-list"));
  if (note) list.append(h("li", { class: "muted", text: note }));
  for (const track of tracks.slice(0, SHOWN)) {
    const flags = flagSummary(track.flags);
    list.append(h("li", {}, h("button", { type: "button", class: "item track",
      onclick: () => open(track), dataset: { key: track.key } },
    h("span", { class: "swatch line" }),
    h("span", { class: "what", text: `${trackLabel(track)}`
      + `${track.operator_country ? ` (${track.operator_country})` : ""}` }),
    h("span", { class: "meta" }, `${track.start} – ${track.end} · `
      + `${track.legs.length} leg(s) · ${trackReports(track)} report(s)`,
    flags ? h("span", { class: "badge flagged", text: flags }) : null))));
  }
  if (!tracks.length) list.append(h("li", { class: "muted", text: "No track matches." }));
}

export function renderStories(stories, note, open) {
  const list = clear(document.getElementById("stories-list"));
  if (note) list.append(h("li", { class: "muted", text: note }));
  for (const story of stories.slice(0, SHOWN)) {
    list.append(h("li", {}, h("button", { type: "button", class: "item",
      onclick: () => open(story), dataset: { type: story.event } },
    h("span", { class: "swatch", style: `background:${quadOf(story.event).color}` }),
    h("span", { class: "what", text: `${story.event} ${story.countries.join(", ")}` }),
    h("span", { class: "meta", text: `${story.start} · ${story.place ?? "no place"} · `
      + `${story.source_count} report(s)` }))));
  }
  if (!stories.length && !note) list.append(h("li", { class: "muted", text: "No story matches." }));
}

export function setupTabs() {
  const tabs = [...document.querySelectorAll('[role="tab"]')];
  const select = (tab) => {
    for (const t of tabs) {
      const on = t === tab;
      t.setAttribute("aria-selected", String(on));
      t.tabIndex = on ? 0 : -1;
      document.getElementById(t.getAttribute("aria-controls")).hidden = !on;
    }
  };
  tabs.forEach((tab, i) => {
    tab.addEventListener("click", () => select(tab));
    tab.addEventListener("keydown", (e) => {
      const step = { ArrowRight: 1, ArrowLeft: -1 }[e.key];
      if (!step) return;
      const next = tabs[(i + step + tabs.length) % tabs.length];
      select(next);
      next.focus();
    });
  });
  return { select: (name) => select(document.getElementById(`tab-${name}`)) };
}
