// The detail panel: an item's fields, its evidence highlighted in the document text, every
// source that reports it, and the claims and doubts of the same document.

import { getJSON } from "./api.js";
import { clear, h, webURL } from "./dom.js";
import { flagSummary, trackReports } from "./lists.js";
import { eventDate, legSpan, trackLabel } from "./map.js";
import { quadOf } from "./plover.js";

const documents = new Map(); // id -> Promise of {document, analysis}

function loadDocument(id) {
  if (!documents.has(id)) {
    const request = getJSON(`/documents/${encodeURIComponent(id)}`);
    request.catch(() => documents.delete(id)); // retry on the next click
    documents.set(id, request);
  }
  return documents.get(id);
}

const actorNames = (actors) => actors.map((a) => `${a.name}${a.country ? ` (${a.country})` : ""}`)
  .join(", ") || "—";
const when = (w) => (!w ? null : w.start === w.end ? w.start : `${w.start} – ${w.end}`);
const placeName = (p) => (p ? `${p.name}${p.country ? ` (${p.country})` : ""}` : null);

function fields(rows) {
  return h("dl", { class: "fields" }, rows.filter(([, v]) => v !== null && v !== undefined
    && v !== "").map(([k, v]) => [h("dt", { text: k }), h("dd", {}, v)]));
}

// The document text with every evidence range marked. Offsets are code points (the
// contract's unit); JavaScript strings count UTF-16 units, so the text is split by code point.
export function highlighted(text, evidence) {
  const chars = Array.from(text);
  // Trailing blank lines belong to the sentence's offsets but not to what it says.
  const trim = (end) => (end > 0 && /\s/.test(chars[end - 1]) ? trim(end - 1) : end);
  const ranges = evidence.map((e) => [e.start, Math.max(e.start, trim(e.end))])
    .sort((a, b) => a[0] - b[0]);
  const parts = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (end <= at) continue;
    const from = Math.max(start, at);
    if (from > at) parts.push(chars.slice(at, from).join(""));
    parts.push(h("mark", { class: "evidence" }, chars.slice(from, end).join("")));
    at = end;
  }
  parts.push(chars.slice(at).join(""));
  return h("div", { class: "doctext", tabindex: "0", "aria-label": "Document text" }, parts);
}

function claimItem(claim, linked) {
  const badges = [
    h("span", { class: `badge ${claim.stance}`, text: claim.stance }),
    claim.assessed ? h("span", { class: `badge ${claim.assessed}`,
      text: `author: ${claim.assessed}` }) : null,
    linked ? h("span", { class: "badge linked", text: "source of this item" }) : null,
  ];
  return h("li", { class: linked ? "claim linked" : "claim" },
    h("div", {}, h("strong", { text: claim.claimant.name }),
      ` (${claim.claimant.kind.replace("_", " ")})`,
      claim.outlet ? ` via ${claim.outlet}` : "", " ", badges),
    h("div", { class: "content" }, `“${claim.content}”`),
    claim.hedge ? h("div", { class: "muted", text: `hedge: ${claim.hedge}` }) : null);
}

async function evidenceBlock(docId, evidence, claimIds) {
  const linked = new Set([claimIds ?? []].flat().filter(Boolean));
  const box = h("section", { class: "evidence-block" }, h("p", { class: "muted", text: "Loading the source text…" }));
  try {
    const { document, analysis } = await loadDocument(docId);
    const claims = analysis?.claims ?? [];
    clear(box).append(
      h("h3", { text: "Evidence in the source" }),
      h("p", { class: "source" }, h("strong", { text: document.outlet ?? "Unknown outlet" }),
        ` · ${document.date}`, document.title ? ` · ${document.title}` : "",
        document.url ? [" · ", sourceLink(document.url)] : ""),
      highlighted(document.text, evidence),
      h("h3", { text: `Claims in this report (${claims.length})` }),
      claims.length ? h("ul", { class: "claims" }, claims.map((c) => claimItem(c, linked.has(c.id))))
        : h("p", { class: "muted", text: "No attributed statements." }));
  } catch (error) {
    clear(box).append(h("p", { class: "error", text: `Could not load the source: ${error.message}` }));
  }
  return box;
}

// The report's own URL: a link when it is http(s), else the text as it came (a report is
// input like any other; a `javascript:` URL must not become something to click).
function sourceLink(url) {
  const href = webURL(url);
  return href ? h("a", { href, rel: "noopener noreferrer", target: "_blank", text: "original" })
    : h("span", { class: "url-text", title: "not a web address, so not a link", text: url });
}

function sourcesList(items, current, open) {
  return h("ul", { class: "sources" }, items.map((item) => h("li", {},
    item.key === current ? h("span", { class: "current", text: `${item.label} (shown)` })
      : h("button", { type: "button", class: "link", onclick: () => open(item), text: item.label }))));
}

export class DetailPanel {
  constructor(element) {
    this.element = element;
  }

  async render(title, color, rows, sources, docId, evidence, claimIds) {
    const head = h("h2", {}, color ? h("span", { class: "swatch", style: `background:${color}` }) : null,
      ` ${title}`);
    clear(this.element).append(head, fields(rows), sources);
    const block = await evidenceBlock(docId, evidence, claimIds);
    this.element.append(block);
    // Scroll the text box (not the page) so the first highlighted sentence is in view.
    const text = block.querySelector(".doctext");
    const mark = block.querySelector("mark");
    if (text && mark) text.scrollTop = Math.max(0, mark.offsetTop - 24);
    this.element.focus({ preventScroll: true });
  }

  // `reports`: every loaded event that looks like the same happening (same type, place and
  // date within a day) — the stand-in for stories until cross-document resolution lands.
  async showEvent(record, reports, open, openStory) {
    const e = record.event;
    const quad = quadOf(e.event);
    const rows = [
      ["Type", `${e.event}${e.mode ? ` (${e.mode})` : ""} — ${quad.label}`],
      ["Date", when(e.when) ?? `${record.document_date} (report date)`],
      ["Actor", actorNames(e.actor)], ["Recipient", actorNames(e.recipient)],
      ["Place", placeName(record.place)],
      ["Attribution", `${e.attribution.status}${e.attribution.hedge ? ` (“${e.attribution.hedge}”)` : ""}`],
      ["Negated", e.negated ? "yes" : null], ["Confidence", e.confidence.toFixed(2)],
      ["CAMEO", e.cameo], ["Context", e.context.join(", ")],
    ];
    const story = await getJSON(`/events/${encodeURIComponent(record.document_id)}/`
      + `${encodeURIComponent(e.id)}/story`).catch(() => null);
    let sources;
    if (story) {
      // Resolved: the story's reports (syndicated copies count once).
      const items = story.sources.map((src, i) => ({ key: src.document_id, index: i,
        label: `${src.outlet ?? "Unknown outlet"} · ${src.date}` }));
      sources = h("section", {}, h("h3", { text: `Reported by (${story.source_count})` }),
        sourcesList(items, record.document_id, (item) => openStory(story, item.index)),
        h("button", { type: "button", class: "link", onclick: () => openStory(story, 0),
          text: "Open the story" }));
    } else {
      // Unresolved store: loaded events of the same type, place and date (±1 day).
      const items = reports.map((r) => ({ key: `${r.document_id}/${r.event.id}`, record: r,
        label: `${r.outlet ?? "Unknown outlet"} · ${r.document_date}` }));
      sources = h("section", {}, h("h3", { text: `Reported by (${items.length})` }),
        sourcesList(items, `${record.document_id}/${e.id}`, (item) => open(item.record)));
    }
    return this.render(`${e.event} · ${eventDate(record)}`, quad.color, rows, sources,
      record.document_id, e.evidence, e.attribution.claim);
  }

  showStory(story, index, openStory) {
    const source = story.sources[index];
    const quad = quadOf(story.event);
    const rows = [
      ["Type", `${story.event} — ${quad.label}`],
      ["Dates", story.start === story.end ? story.start : `${story.start} – ${story.end}`],
      ["Countries", story.countries.join(", ")], ["Place", story.place],
      ["Reports", String(story.source_count)],
    ];
    const items = story.sources.map((src, i) => ({ key: String(i), index: i,
      label: `${src.outlet ?? "Unknown outlet"} · ${src.date}`
        + `${src.copies.length ? ` (+${src.copies.length} copies)` : ""}` }));
    const doubts = story.disagreements.map((d) => h("li", {}, h("strong", { text: `${d.field}: ` }),
      d.values.map((v) => `${v.value} (${v.outlet ?? "unknown outlet"})`).join("; ")));
    const sources = h("section", {}, h("h3", { text: `Every report (${items.length})` }),
      sourcesList(items, String(index), (item) => openStory(story, item.index)),
      doubts.length ? [h("h3", { text: "Where the reports disagree" }),
        h("ul", { class: "claims" }, doubts)] : null);
    return this.render(`Story: ${story.event} · ${story.start}`, quad.color, rows, sources,
      source.document_id, source.evidence, source.claim_ids);
  }

  showTrack(track, openLeg) {
    const rows = [
      ["Model", track.model],
      ["Identifier", track.identifier ?? (track.identified ? null
        : "none reported: this model and operator's movements in one month")],
      ["Operator", track.operator_country],
      ["Dates", track.start === track.end ? track.start : `${track.start} – ${track.end}`],
      ["Legs", String(track.legs.length)],
      ["Sources", `${trackReports(track)} report(s)`],
      ["Flags", flagSummary(track.flags) || null],
    ];
    const head = h("h2", {}, h("span", { class: "swatch line" }), ` Track: ${trackLabel(track)}`);
    // Element.append would write a missing flag list as the text "null".
    clear(this.element).append(...[head, fields(rows),
      h("h3", { text: "Legs, in date order" }), legList(track, null, openLeg),
      flagList(track, track.flags, openLeg)].filter(Boolean));
    this.element.focus({ preventScroll: true });
  }

  // One leg: its fields, every report behind it (the one at `sourceIndex` shown with its
  // evidence), where those reports disagree, and the other legs of the track.
  async showLeg(track, index, openLeg, sourceIndex = 0) {
    const leg = track.legs[index];
    const source = leg.sources[sourceIndex];
    const { analysis } = await loadDocument(source.document_id).catch(() => ({}));
    const movement = analysis?.movements.find((m) => m.id === source.movement_id);
    const rows = [
      ["Asset", trackLabel(track)], ["Route", route(leg)],
      ["Departed", leg.depart], ["Arrived", leg.arrive],
      ["Reports", String(leg.sources.length)],
      ...(movement ? [["Payload", movement.payload], ["Personnel", movement.personnel],
        ["Attribution", movement.attribution.status],
        ["Confidence", movement.confidence.toFixed(2)]] : []),
    ];
    const items = leg.sources.map((src, i) => ({ key: String(i), index: i,
      label: `${src.outlet ?? "Unknown outlet"} · ${src.date}` }));
    const flags = track.flags.filter((f) => f.legs.includes(index));
    const sources = h("section", {},
      h("h3", { text: `Every report of this leg (${items.length})` }),
      sourcesList(items, String(sourceIndex), (item) => openLeg(track, index, item.index)),
      disagreementList(leg.disagreements), flagList(track, flags, openLeg),
      h("h3", { text: `Legs of this track (${track.legs.length})` }),
      legList(track, index, openLeg));
    return this.render(`Leg ${index + 1} of ${trackLabel(track)} · ${legSpan(leg)[0]}`, null,
      rows, sources, source.document_id, source.evidence, movement?.attribution.claim);
  }
}

function legDates(leg) {
  const [start, end] = legSpan(leg);
  return start === end ? start : `${start} – ${end}`;
}

// The legs as buttons; a leg that a gap or contradiction involves is marked.
function legList(track, current, openLeg) {
  const flagged = new Set(track.flags.flatMap((f) => f.legs));
  return h("ol", { class: "legs" }, track.legs.map((leg, i) => h("li",
    { class: flagged.has(i) ? "flagged" : null },
    i === current ? h("span", { class: "current", text: `${legDates(leg)}: ${route(leg)} (shown)` })
      : h("button", { type: "button", class: "link", onclick: () => openLeg(track, i) },
        `${legDates(leg)}: ${route(leg)}`),
    h("span", { class: "muted", text: ` · ${leg.sources.length} report(s): `
      + `${[...new Set(leg.sources.map((s) => s.outlet ?? "Unknown outlet"))].join(", ")}` }))));
}

// Resolve's gaps (an airframe that would have had to jump between legs) and contradictions
// (reports that cannot all be true), each with the legs it is about.
function flagList(track, flags, openLeg) {
  if (!flags.length) return null;
  return h("section", {}, h("h3", { text: `Gaps and contradictions (${flags.length})` }),
    h("ul", { class: "flags" }, flags.map((f) => h("li", {},
      h("span", { class: "badge", text: f.kind }), ` ${f.detail}`,
      f.km != null ? ` (${Math.round(f.km)} km)` : "", f.date ? ` · ${f.date}` : "", " · legs ",
      f.legs.map((i, n) => [n ? "–" : "", h("button", { type: "button", class: "link",
        onclick: () => openLeg(track, i), text: String(i + 1) })])))));
}

function disagreementList(disagreements) {
  if (!disagreements.length) return null;
  return h("section", {}, h("h3", { text: "Where the reports disagree" }),
    h("ul", { class: "claims" }, disagreements.map((d) => h("li", {},
      h("strong", { text: `${d.field}: ` }),
      d.values.map((v) => `${v.value} (${v.outlet ?? "unknown outlet"})`).join("; ")))));
}

export function route(leg) {
  const stops = [leg.origin, ...leg.via, leg.destination].filter(Boolean).map((p) => p.name);
  if (!leg.origin) stops.unshift("?");
  return stops.join(" → ");
}
