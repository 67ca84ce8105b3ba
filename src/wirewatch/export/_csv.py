"""Events as CSV, one row per event, with ACLED-like flat columns."""

from __future__ import annotations

import csv
from collections.abc import Iterable

from wirewatch.export._links import LinkSource
from wirewatch.export._rows import EVENT_COLUMNS, event_rows
from wirewatch.export._sink import TextSink
from wirewatch.model import Analysis, Filters


def write_csv(
    analyses: Iterable[Analysis], out: TextSink, filters: Filters, links: LinkSource | None = None
) -> int:
    writer = csv.DictWriter(out, fieldnames=EVENT_COLUMNS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for row in event_rows(analyses, filters, links):
        writer.writerow(row)
        count += 1
    return count
