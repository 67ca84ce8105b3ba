"""What the movers step knows as it reads a report: the tracks by key, which tokens name
which tracks, and what back-references point to (the latest assets, the group, the subject,
the roles, countries and shorter names the report gives its assets)."""

from __future__ import annotations

from wirewatch.extract._tracks import Route, Track
from wirewatch.kb.tables.equipment import Table as Catalogue
from wirewatch.model import Actor, Place


class State:
    """Tracks by key, the mention index (token -> track), and what "both"/"it" point to."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self.tracks: dict[str, Track] = {}
        self.by_token: dict[int, list[Track]] = {}
        self.group: list[Track] = []
        self.last: Track | None = None
        self.by_verb: dict[int, list[Track]] = {}  # the movers each motion verb found
        self.recent: list[Track] = []  # the movers of the latest motion clause
        self.history: list[Track] = []  # tracks in the order they were last mentioned
        self.sentence: dict[str, int] = {}  # track key -> the sentence it was last named in
        self.first_token: dict[str, int] = {}  # track key -> the token it was first named at
        self.noun: dict[str, str] = {}  # a named ship's type noun ("destroyer")
        # The role or type the report writes with an asset ("two IL-78MKI tankers": tanker).
        self.role: dict[str, str] = {}
        # Assets last named as one ("an A400M", "RF-78654"): "they" does not mean them alone.
        self.single: set[str] = set()
        # Back-reference nouns qualified by a country ("the Russian aircraft"): token -> ISO3.
        self.nationality: dict[int, str] = {}
        # Other names the report gives an asset, folded: a named ship's last word ("Golovko"
        # for "Admiral Golovko"), a call sign written with an airframe ("RCH417").
        self.aliases: dict[str, Track] = {}
        self.last_place: Place | None = None  # the route point named last ("landed there")
        # The asset last named as a clause's subject: what "it" most often continues ("USNS
        # Bob Hope loaded Abrams tanks at Beaumont. It crossed the Atlantic": the ship).
        self.subject: Track | None = None
        self.subject_age = 0  # sentences since the subject was named
        self.cargo: set[int] = set()  # tracks moved as what a craft carries (never a group)
        # (escorted, escorts): "It was escorted by the frigate X" — X makes the same trip.
        self.escorts: list[tuple[Track, list[Track]]] = []
        # Places a shadowed asset passed ("shadowed X through the Channel"), kept for the
        # assets the report gives a trip of their own.
        self.passages: list[tuple[Track, Route]] = []
        # Trips told of assets not yet named: (subject token, kinds, how many, route).
        self.foretold: list[tuple[int, frozenset[str], int, Route, Actor | None]] = []
        # Airframes a counted group was found to be by their registrations ("Two Il-76s ...
        # RA-78830 and RA-76502"): group key -> its members so far, member key -> its group.
        self.members: dict[str, list[Track]] = {}
        self.group_of: dict[str, Track] = {}

    def mentioned(
        self, tracks: list[Track], sentence: int | None = None, token: int | None = None
    ) -> None:
        for track in tracks:
            if track in self.history:
                self.history.remove(track)
            self.history.append(track)
            if sentence is not None:
                self.sentence[track.key] = sentence
            if token is not None:
                self.first_token.setdefault(track.key, token)

    def named_before(self, track: Track, token: int) -> bool:
        """The asset was named before this token (an antecedent can only come first)."""
        return self.first_token.get(track.key, -1) < token

    def identify(self, track: Track, identifier: str) -> None:
        """ "The aircraft, RA-82038, departed": a back-reference names the airframe's
        identifier; the track is keyed on it from now on, so later mentions join it."""
        if track.asset.identifier is not None:
            return
        key = f"{track.key.split('|', 1)[0]}|{identifier}"
        if key in self.tracks:
            return
        self.tracks.pop(track.key, None)
        track.key = key
        track.asset = track.asset.model_copy(update={"identifier": identifier})
        self.tracks[key] = track

    def latest(self, kinds: frozenset[str]) -> Track | None:
        """The asset last mentioned of a kind a back-reference can mean ("the frigate")."""
        for track in reversed(self.history):
            if not kinds or track.asset.kind in kinds:
                return track
        return None
