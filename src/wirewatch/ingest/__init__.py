"""Readers for every input format, with rejects and duplicate fingerprints.

    for item in read_sources(["corpus/", "-"], default_date=date(2019, 3, 25)):
        if isinstance(item, Incoming): ...   # item.document, item.origin
        else: ...                            # a Reject: item.reason, item.message

Formats (spec §1): dated text, plain `.txt`, JSON Lines, CSV, HTML, RSS/Atom, WARC (SUFFIXES
maps names to formats; `wire.jsonl.gz` and the like are decompressed as they are read); anything
else, and standard input, is sniffed by content. FIFOs, sockets and devices are reported as
`not_a_file`, never opened. Every record is yielded as it is read, so a corpus of any size
takes constant memory; no input bytes make `read_sources` raise (see `_sources`).
`fingerprint`/`similarity` give what the store compares to find duplicates and near-duplicates.
"""

from wirewatch.ingest._bands import band_shape, collision_probability
from wirewatch.ingest._fingerprint import fingerprint, shingles, similarity
from wirewatch.ingest._formats import READERS, SUFFIXES
from wirewatch.ingest._sources import read_sources

FORMATS = tuple(READERS)

__all__ = [
    "FORMATS",
    "SUFFIXES",
    "band_shape",
    "collision_probability",
    "fingerprint",
    "read_sources",
    "shingles",
    "similarity",
]
