"""Mention clusters: the PERSON and ORG mentions of a document grouped by who they name.

Rules, in order: the same knowledge-base id ("iSi" and "ImageSat International"); the same
name; a name contained in another ("Maduro" after "Nicolas Maduro"); a surname within
`surname_ratio` (rapidfuzz) of a known one, which catches typos like "Guiado" for "Guaido",
also on proper nouns the NER left untagged; titles ("President", "opposition leader", from
the sectors table) are ignored when comparing. Sets `doc._.clusters`: a list of
`{"label", "name", "kb", "mentions": [[start_char, end_char], ...]}` (`kb` is the entity
ruler's id, "" when the name is not in the knowledge base), in order of first mention.
"""

from __future__ import annotations

from typing import TypedDict

from rapidfuzz import fuzz
from spacy.language import Language
from spacy.tokens import Doc, Span

from wirewatch.kb import KnowledgeBase
from wirewatch.kb.tables._common import key

if not Doc.has_extension("clusters"):
    Doc.set_extension("clusters", default=None)

LABELS = ("PERSON", "ORG")


class Cluster(TypedDict):
    """One entry of `doc._.clusters`: the mentions of one actor."""

    label: str  # PERSON or ORG
    name: str  # the fullest form, without a title or a leading article
    kb: str  # the entity ruler's id ("org:vks"), "" when the name is not in the KB
    mentions: list[list[int]]  # [start_char, end_char] of each mention, in text order


class _Growing(Cluster):
    """A cluster being built: with the name's words, for comparing new mentions."""

    words: list[str]


class MentionClusters:
    def __init__(self, surname_ratio: float, min_surname: int) -> None:
        self.surname_ratio = surname_ratio
        self.min_surname = min_surname
        self.titles: list[list[str]] = []

    def setup(self, kb: KnowledgeBase) -> None:
        # Longest first, so "opposition leader" is stripped whole, not just "leader".
        cues = kb.sectors.titles()
        self.titles = sorted((key(t).split() for t in cues), key=len, reverse=True)

    def __call__(self, doc: Doc) -> Doc:
        clusters: list[_Growing] = []
        for ent in doc.ents:
            if ent.label_ in LABELS:
                self._add(clusters, ent)
        self._untagged_surnames(doc, clusters)
        done: list[Cluster] = [
            Cluster(label=c["label"], name=c["name"], kb=c["kb"], mentions=c["mentions"])
            for c in clusters
        ]
        doc._.clusters = done
        return doc

    def _add(self, clusters: list[_Growing], ent: Span) -> None:
        words = self.name_words(ent.text)
        if not words:
            return
        mention = [ent.start_char, ent.end_char]
        for cluster in clusters:
            same_kb = bool(ent.ent_id_) and ent.ent_id_ == cluster["kb"]
            if same_kb or self._same(cluster, ent.label_, words):
                cluster["mentions"].append(mention)
                if len(words) > len(cluster["words"]):  # the fullest form names the cluster
                    cluster["words"], cluster["name"] = words, _strip(ent.text)
                return
        clusters.append(
            _Growing(
                label=ent.label_,
                name=_strip(ent.text),
                words=words,
                kb=ent.ent_id_,
                mentions=[mention],
            )
        )

    def _untagged_surnames(self, doc: Doc, clusters: list[_Growing]) -> None:
        """A capitalised proper noun the NER left untagged that is (or nearly is) a known
        person's surname ("cheered Guiado") joins that person."""
        people = [c for c in clusters if c["label"] == "PERSON"]
        if not people:
            return  # no one to join: skip the walk over every token
        for token in doc:
            if not token.is_title or token.ent_iob_ != "O" or token.pos_ != "PROPN":
                continue  # the cheapest test first
            words = [key(token.text)]
            match = next((c for c in people if self._same(c, "PERSON", words)), None)
            if match is not None:
                match["mentions"].append([token.idx, token.idx + len(token)])
                match["mentions"].sort()

    def name_words(self, text: str) -> list[str]:
        """The words of a name without a leading title ("President", "then-President")."""
        words = key(text).split()
        if words[:1] == ["then"]:  # "then-President X"
            words = words[1:]
        for title in self.titles:
            if words[: len(title)] == title and len(words) > len(title):
                return words[len(title) :]
        return words

    def _same(self, cluster: _Growing, label: str, words: list[str]) -> bool:
        known: list[str] = cluster["words"]
        if words == known:
            return True
        # An ORG tag on a bare surname is the small model's mistake ("Maduro's regime").
        person_ish = cluster["label"] == "PERSON" or label == "PERSON"
        if cluster["label"] != label and not (person_ish and len(words) == 1):
            return False
        if _contained(words, known) or _contained(known, words):
            return True
        return person_ish and self._surname_match(words, known)

    def _surname_match(self, a: list[str], b: list[str]) -> bool:
        if len(a[-1]) < self.min_surname or a[-1][0] != b[-1][0]:
            return False
        if len(a) > 1 and len(b) > 1 and a[0] != b[0]:
            return False  # two first names that differ: two people
        return fuzz.ratio(a[-1], b[-1]) >= self.surname_ratio


def _contained(inner: list[str], outer: list[str]) -> bool:
    """True when `inner` is a contiguous run of `outer` ending at its last word or being
    its whole tail ("Maduro" in "Nicolas Maduro"), not any shared word ("Juan")."""
    n = len(inner)
    return 0 < n < len(outer) and outer[-n:] == inner


def _strip(text: str) -> str:
    """The display name: no possessive, no leading article ("the National Assembly")."""
    text = text.strip().removesuffix("’s").removesuffix("'s")
    return text[4:] if text[:4] in ("the ", "The ") and len(text) > 4 else text


@Language.factory("wirewatch_clusters", default_config={"surname_ratio": 80.0, "min_surname": 4})
def make_clusters(
    nlp: Language, name: str, surname_ratio: float, min_surname: int
) -> MentionClusters:
    return MentionClusters(surname_ratio, min_surname)
