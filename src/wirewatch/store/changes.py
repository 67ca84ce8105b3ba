"""What changed between a stored report and a later text of it (a near duplicate, a version).

Word by word, as a reader compares two printings: "6 killed" against "12 killed" is one
change with a few words of context, not two paragraphs that differ somewhere.
"""

from __future__ import annotations

import difflib
import re

from wirewatch.store.records import Change, ChangeKind

_WORD = re.compile(r"\S+")
CONTEXT_WORDS = 6
# difflib's opcode -> what the reader is told happened to the words.
_KIND: dict[str, ChangeKind] = {"replace": "changed", "delete": "removed", "insert": "added"}


def word_changes(before: str, after: str, context: int = CONTEXT_WORDS) -> list[Change]:
    """Each replaced, removed or added run of words, with the words around it."""
    old, new = _WORD.findall(before), _WORD.findall(after)
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    changes = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        changes.append(
            Change(
                kind=_KIND[tag],
                before=" ".join(old[i1:i2]),
                after=" ".join(new[j1:j2]),
                context_before=" ".join(old[max(0, i1 - context) : i1]),
                context_after=" ".join(old[i2 : i2 + context]),
            )
        )
    return changes
