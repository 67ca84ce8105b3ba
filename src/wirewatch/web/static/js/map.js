// The map: country shapes, clustered event markers coloured by PLOVER quad class, and
// movement tracks as lines with arrows showing the direction of travel.

import { addBasemap } from "./basemap.js";
import { h } from "./dom.js";
import { QUADS, quadOf } from "./plover.js";

const L = window.L;
const TRACK_COLORS = ["#6a3d9a", "#b15928", "#008080", "#d6336c", "#3b5bdb", "#5c940d"];

export function eventDate(record) {
  return record.event.when?.start ?? record.document_date;
}

function legend() {
  const control = L.control({ position: "bottomright" });
  control.onAdd = () => h("div", { class: "legend", role: "group", "aria-label": "Legend" },
    h("strong", { text: "PLOVER quad class" }),
    QUADS.map((q) => h("div", {}, h("span", { class: "swatch", style: `background:${q.color}` }),
      ` ${q.label}`)),
    h("div", {}, h("span", { class: "swatch line" }), " Movement track (→ direction)"));
  return control;
}

// A resolved track's name: its model and tail or hull number. A track no report identifies
// is every movement of one model and operator in a month, so it says so instead.
export function trackLabel(track) {
  const ident = track.identifier ?? (track.identified ? "" : "(unidentified)");
  return `${track.model ?? "asset"} ${ident}`.trim();
}

// The dates a leg covers: departure to arrival, either standing in for the other, else the
// earliest report. Sorted, as resolve's own track dates are, so a leg whose reports give an
// arrival before the departure still covers both dates.
export function legSpan(leg) {
  const reported = leg.sources.map((s) => s.date).sort()[0];
  const start = leg.depart ?? leg.arrive ?? reported;
  const end = leg.arrive ?? leg.depart ?? reported;
  return start <= end ? [start, end] : [end, start];
}

// Track points as a path whose longitudes never jump more than 180° between neighbours,
// so a route across the Pacific goes the short way.
export function trackPoints(track) {
  const points = [];
  for (const leg of track.legs) {
    for (const place of [leg.origin, ...leg.via, leg.destination]) {
      if (!place || place.lat == null || place.lon == null) continue;
      const last = points[points.length - 1];
      let lon = place.lon;
      if (last) {
        while (lon - last[1] > 180) lon -= 360;
        while (lon - last[1] < -180) lon += 360;
        if (last[0] === place.lat && last[1] === lon) continue;
      }
      points.push([place.lat, lon]);
    }
  }
  return points;
}

function arrow(from, to, color) {
  // Screen angle at zoom 0; Mercator is conformal, so it holds at every zoom.
  const a = L.CRS.EPSG3857.latLngToPoint(L.latLng(from), 0);
  const b = L.CRS.EPSG3857.latLngToPoint(L.latLng(to), 0);
  const angle = (Math.atan2(b.y - a.y, b.x - a.x) * 180) / Math.PI;
  const middle = [(from[0] + to[0]) / 2, (from[1] + to[1]) / 2];
  const icon = L.divIcon({
    className: "track-arrow",
    // An SVG transform, not a style attribute: the Content-Security-Policy refuses inline styles.
    html: `<svg width="16" height="16" viewBox="-8 -8 16 16"><g transform="rotate(${angle})">`
      + `<path d="M-6,-5 L6,0 L-6,5 Z" fill="${color}"/></g></svg>`,
    iconSize: [16, 16], iconAnchor: [8, 8],
  });
  return L.marker(middle, { icon, interactive: false, keyboard: false });
}

export class EventMap {
  constructor(element, { onEvent, onTrack }) {
    this.map = L.map(element, { minZoom: 1, maxZoom: 12, worldCopyJump: false,
      maxBounds: [[-85, -400], [85, 400]], zoomSnap: 0.5 });
    this.map.attributionControl.setPrefix(false);
    this.map.attributionControl.addAttribution("Countries: Natural Earth via world-atlas");
    this.map.setView([25, 20], 2);
    this.events = L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 40 });
    this.tracks = L.layerGroup();
    this.map.addLayer(this.tracks);
    this.map.addLayer(this.events);
    legend().addTo(this.map);
    this.onEvent = onEvent;
    this.onTrack = onTrack;
    this.ready = addBasemap(this.map).then((layer) => {
      layer.bringToBack();
      this.basemap = layer;
    });
  }

  showEvents(records) {
    this.events.clearLayers();
    const markers = [];
    for (const record of records) {
      const place = record.place;
      if (!place || place.lat == null || place.lon == null) continue;
      const type = record.event.event;
      const marker = L.circleMarker([place.lat, place.lon], {
        radius: 7, weight: 1.5, color: "#fff", fillColor: quadOf(type).color, fillOpacity: 0.95,
        className: `ww-event ww-${type}`,
      });
      marker.bindTooltip(`${type} · ${eventDate(record)} · ${place.name}`);
      marker.on("click", () => this.onEvent(record));
      markers.push(marker);
    }
    this.events.addLayers(markers);
    return markers.length;
  }

  showTracks(tracks) {
    this.tracks.clearLayers();
    let drawn = 0;
    tracks.forEach((track, index) => {
      const points = trackPoints(track);
      if (points.length < 2) return;
      const color = TRACK_COLORS[index % TRACK_COLORS.length];
      // Dashed when no report names the airframe: the legs may be several aircraft.
      const line = L.polyline(points, { color, weight: 3, opacity: 0.85,
        className: track.identified ? "ww-track" : "ww-track unidentified",
        dashArray: track.identified ? null : "6 6" });
      line.bindTooltip(`${trackLabel(track)}: ${track.legs.length} leg(s)`, { sticky: true });
      line.on("click", () => this.onTrack(track));
      this.tracks.addLayer(line);
      for (let i = 1; i < points.length; i += 1) {
        this.tracks.addLayer(arrow(points[i - 1], points[i], color));
      }
      drawn += 1;
    });
    return drawn;
  }

  focus(latlngs) {
    const valid = latlngs.filter((p) => p && p[0] != null && p[1] != null);
    if (!valid.length) return;
    this.map.fitBounds(L.latLngBounds(valid).pad(0.3), { maxZoom: 5 });
  }
}
