// Country shapes from the vendored world-atlas TopoJSON, drawn without a tile server.
//
// A few rings cross the 180° meridian (Russia's Chukotka, Fiji, Antarctica). Drawn as they
// are, Leaflet joins +179° to -179° the long way and smears a band across the whole map.
// Each such ring is unwrapped (longitudes made continuous, so Chukotka runs to ~190°) and
// also drawn shifted by 360° so it shows at both edges; a ring that circles a pole
// (Antarctica) is closed along the pole instead.

const L = window.L;
const topojson = window.topojson;

function unwrap(ring) {
  const out = [[ring[0][0], ring[0][1]]];
  let shift = 0;
  for (let i = 1; i < ring.length; i += 1) {
    const step = ring[i][0] - ring[i - 1][0];
    if (step > 180) shift -= 360;
    else if (step < -180) shift += 360;
    out.push([ring[i][0] + shift, ring[i][1]]);
  }
  return { ring: out, shift };
}

// Rings as [lon, lat] lists that never jump across the map.
export function fixRing(ring) {
  const { ring: open, shift } = unwrap(ring);
  if (shift !== 0) {
    // Circles a pole: close the ring along it (Leaflet clamps the latitude).
    const pole = open.reduce((sum, p) => sum + p[1], 0) / open.length < 0 ? -90 : 90;
    const last = open[open.length - 1];
    const closed = [...open, [last[0], pole], [open[0][0], pole], open[0]];
    const low = Math.min(...closed.map((p) => p[0]));
    const base = closed.map(([x, y]) => [x - low - 180, y]); // spans -180..180
    return [base, base.map(([x, y]) => [x - 360, y]), base.map(([x, y]) => [x + 360, y])];
  }
  const lons = open.map((p) => p[0]);
  if (Math.max(...lons) > 180) return [open, open.map(([x, y]) => [x - 360, y])];
  if (Math.min(...lons) < -180) return [open, open.map(([x, y]) => [x + 360, y])];
  return [open];
}

function polygons(geometry) {
  if (!geometry) return [];
  return geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
}

// A MultiPolygon feature per country, every ring fixed.
export function countryFeatures(topology) {
  const collection = topojson.feature(topology, topology.objects.countries);
  return collection.features.map((feature) => {
    const parts = [];
    for (const polygon of polygons(feature.geometry)) {
      // Holes are tiny at 110m; each ring becomes its own polygon (copies included).
      for (const ring of polygon) for (const fixed of fixRing(ring)) parts.push([fixed]);
    }
    return { type: "Feature", id: feature.id, properties: feature.properties,
      geometry: { type: "MultiPolygon", coordinates: parts } };
  });
}

export async function addBasemap(map) {
  const reply = await fetch("vendor/world-atlas/countries-110m.json");
  const topology = await reply.json();
  const layer = L.geoJSON(countryFeatures(topology), {
    interactive: false,
    style: (feature) => ({ color: "#9aa5b1", weight: 0.7, fillColor: "#eef0ea",
      fillOpacity: 1, className: `ww-country ww-c${feature.id}` }),
  });
  layer.addTo(map);
  return layer;
}
