"""The UI's copy of the PLOVER quad classes agrees with the knowledge base's."""

from __future__ import annotations

import re
from importlib.resources import files

from wirewatch.kb.loader import load_kb

LABELS = {
    "vcoop": "verbal_cooperation",
    "mcoop": "material_cooperation",
    "vconf": "verbal_conflict",
    "mconf": "material_conflict",
}


def test_quads_in_the_ui_match_plover_yaml() -> None:
    source = files("wirewatch.web").joinpath("static", "js", "plover.js").read_text("utf-8")
    ui = {
        LABELS[key]: set(re.findall(r'"([A-Z]+)"', types))
        for key, types in re.findall(r'key: "(\w+)".*?types: \[([^\]]*)\]', source, re.S)
        if key in LABELS
    }
    kb: dict[str, set[str]] = {}
    for row in load_kb().plover.types:
        kb.setdefault(row.quad, set()).add(row.type)
    assert ui == kb
