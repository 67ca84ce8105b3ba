"""The report's dateline ("DIEGO GARCIA —", "KYIV, Ukraine:", "ANTOFAGASTA, 11 October 2025
—" under a press note's headings) and the place it names: where a story is filed, which a
local act or an arrival with no place of its own is taken to be at."""

from __future__ import annotations

from wirewatch.extract.context import Context
from wirewatch.model import Place, Span


def dateline(ctx: Context) -> tuple[Span, Place] | None:
    """The first line opening that may be a dateline (nlp openings) and names a place, with
    the place named first in it."""
    for span in ctx.datelines():
        named = [
            (m.start, place)
            for place in ctx.places
            for m in place.mentions
            if span.start <= m.start and m.end <= span.end
        ]
        if named:
            return span, min(named, key=lambda hit: hit[0])[1]
    return None


def dateline_place(ctx: Context) -> Place | None:
    found = dateline(ctx)
    return found[1] if found else None
