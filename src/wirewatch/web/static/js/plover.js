// PLOVER quad classes and their colours (the map markers, legend and list dots share them).
// The type lists mirror kb/data/plover.yaml (tests/web/test_plover_js.py checks they agree).

export const QUADS = [
  { key: "vcoop", label: "Verbal cooperation", color: "#1f78b4",
    types: ["AGREE", "CONSULT", "SUPPORT", "CONCEDE"] },
  { key: "mcoop", label: "Material cooperation", color: "#2ca02c",
    types: ["COOPERATE", "AID", "RETREAT"] },
  { key: "vconf", label: "Verbal conflict", color: "#e6850e",
    types: ["REQUEST", "ACCUSE", "REJECT", "THREATEN"] },
  { key: "mconf", label: "Material conflict", color: "#c62828",
    types: ["PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"] },
];

const BY_TYPE = new Map(QUADS.flatMap((q) => q.types.map((t) => [t, q])));

export function quadOf(type) {
  return BY_TYPE.get(type) ?? { key: "other", label: "Other", color: "#666", types: [] };
}

export const TYPES = QUADS.flatMap((q) => q.types);
