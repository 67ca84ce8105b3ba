// The REST API as the UI uses it: filters to query strings, and cursor pages read in full.

const BASE = "/api/v1";
export const MAX_ITEMS = 5000; // per listing: more would make the map unreadable anyway

export function params(facets, range = null) {
  const query = new URLSearchParams();
  for (const type of facets.type) query.append("type", type);
  for (const name of ["country", "outlet", "asset", "q"]) {
    if (facets[name]) query.set(name, facets[name]);
  }
  if (range) {
    query.set("since", range[0]);
    query.set("until", range[1]);
  }
  return query;
}

export async function getJSON(path, query = new URLSearchParams()) {
  const url = `${BASE}${path}${query.toString() ? `?${query}` : ""}`;
  const reply = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await reply.json().catch(() => ({}));
  if (!reply.ok) throw new Error(body.detail ?? `${reply.status} ${reply.statusText}`);
  return body;
}

// Every item of a listing, following next_cursor; `truncated` says when MAX_ITEMS cut it.
export async function getAll(path, query) {
  const items = [];
  let cursor = null;
  do {
    const page = new URLSearchParams(query);
    page.set("limit", "1000");
    if (cursor) page.set("cursor", cursor);
    const body = await getJSON(path, page);
    items.push(...body.items);
    cursor = body.next_cursor;
  } while (cursor && items.length < MAX_ITEMS);
  return { items, truncated: Boolean(cursor) };
}

export function exportURL(format, facets, range) {
  const query = params(facets, range);
  query.set("format", format);
  return `${BASE}/export?${query}`;
}
