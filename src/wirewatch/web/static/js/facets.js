// Facet controls: type checkboxes grouped by quad class, selects for country, outlet and
// asset. Options come from the unfiltered data so a choice never hides the others.

import { clear, h } from "./dom.js";
import { QUADS } from "./plover.js";

function countBy(values) {
  const counts = new Map();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

export function facetOptions(events, tracks) {
  const countries = events.flatMap((r) => [
    ...r.event.actor.map((a) => a.country), ...r.event.recipient.map((a) => a.country),
    r.place?.country]);
  return {
    types: countBy(events.map((r) => r.event.event)),
    countries: countBy(countries),
    // Every report behind every leg counts, as every event does.
    outlets: countBy([...events.map((r) => r.outlet),
      ...tracks.flatMap((t) => t.legs.flatMap((l) => l.sources.map((s) => s.outlet)))]),
    assets: countBy(tracks.flatMap((t) => t.legs.map(() => t.model))),
  };
}

function fillSelect(select, label, entries) {
  const chosen = select.value;
  clear(select).append(h("option", { value: "", text: label }),
    entries.map(([value, count]) => h("option", { value, text: `${value} (${count})` })));
  select.value = chosen;
}

export function renderFacets(options, facets, onChange) {
  const counts = new Map(options.types);
  const box = document.getElementById("types");
  clear(box).append(h("legend", { text: "Event type" }));
  for (const quad of QUADS) {
    const group = h("div", { class: "quad", role: "group", "aria-label": quad.label },
      h("div", { class: "quad-label" }, h("span", { class: "swatch", style: `background:${quad.color}` }),
        ` ${quad.label}`));
    for (const type of quad.types) {
      const id = `type-${type}`;
      const input = h("input", { type: "checkbox", id, value: type,
        checked: facets.type.includes(type) });
      input.addEventListener("change", () => {
        facets.type = [...box.querySelectorAll("input:checked")].map((i) => i.value);
        onChange();
      });
      group.append(h("label", { for: id, class: counts.get(type) ? "" : "none" }, input,
        ` ${type}`, h("span", { class: "count", text: counts.get(type) ?? 0 })));
    }
    box.append(group);
  }
  fillSelect(document.getElementById("country"), "Any country", options.countries);
  fillSelect(document.getElementById("outlet"), "Any outlet", options.outlets);
  fillSelect(document.getElementById("asset"), "Any asset", options.assets);
}
