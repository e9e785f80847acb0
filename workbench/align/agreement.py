"""Agreement: how two answers to one question relate, and the status of a claim group.

Counts are intervals ("at least 45" is 45..open, "about 40" is 36..44) and agree when they
overlap. A higher count published later, or said as "the toll rose to", is an update of the
earlier one: neither disputes the other. Weapons, perpetrators, intent, places and times agree when
they name the same thing (or compatible things, per words.toml) and compete when they name
different answers to the question. Hypothetical claims ("even if it was a mistake") and times said
of another moment than the incident's ("the toll climbed to 34 on Sunday") relate to nothing.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date
from enum import Enum

from workbench.align.claimview import ClaimLike
from workbench.align.lexicon import load_words
from workbench.align.origins import Sourced

Interval = tuple[float, float]
APPROXIMATE_SHARE = 0.1  # "about 40" is taken as 40 give or take 10 % (at least 1)


class Relation(Enum):
    """How claim b bears on claim a (from a's point of view)."""

    SUPPORTS = "supports"  # b says the same thing
    CONTRADICTS = "contradicts"  # b says the opposite (negation, another count of one weapon)
    COMPETES = "competes"  # b gives another answer to the same question
    UPDATES = "updates"  # one count is a later, higher figure of the other: a rising toll
    NEUTRAL = "neutral"  # b says nothing for or against a


def interval(claim: ClaimLike, *, widen: bool = True) -> Interval:
    """A count as a closed interval; an open end is infinite; "no one was killed" is 0..0.

    An approximate count ("about 40") is widened unless `widen` is false."""
    if claim.negated:
        return (0.0, 0.0)
    low = float(claim.low) if claim.low is not None else 0.0
    high = float(claim.high) if claim.high is not None else math.inf
    if low > high:
        low, high = high, low
    if claim.approximate and widen:
        spread = max(1.0, round(APPROXIMATE_SHARE * (claim.low or claim.high or 0)))
        low = max(0.0, low - spread)
        high = high + spread
    return (low, high)


def overlaps(a: Interval, b: Interval) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def newer(a: Sourced, b: Sourced) -> bool:
    """a was published after b, or on the same day said as a rising toll and b was not."""
    if a.when and b.when and a.when[:10] != b.when[:10]:
        return a.when > b.when
    return a.claim.rising and not b.claim.rising


def is_update(a: Sourced, b: Sourced) -> bool:
    """One of the two counts is a later, higher figure than the other."""
    ia, ib = interval(a.claim), interval(b.claim)
    return (ia[0] > ib[1] and newer(a, b)) or (ib[0] > ia[1] and newer(b, a))


_MEMO: dict[tuple[str, str], Relation] = {}
_MEMO_SIZE = 200_000


def relation(a: Sourced, b: Sourced) -> Relation:
    """How b bears on a; both are claims of one group. Remembered by the claims' signatures."""
    key = (a.signature, b.signature)
    found = _MEMO.get(key)
    if found is None:
        if len(_MEMO) >= _MEMO_SIZE:
            _MEMO.clear()
        found = _MEMO[key] = _relation(a, b)
    return found


def _relation(a: Sourced, b: Sourced) -> Relation:
    ca, cb = a.claim, b.claim
    if ca.hypothetical or cb.hypothetical or a.aside or b.aside:
        return Relation.NEUTRAL
    if ca.kind == "casualty":
        ia, ib = interval(ca), interval(cb)
        if overlaps(ia, ib):
            return Relation.SUPPORTS
        later = (ia[0] > ib[1] and newer(a, b)) or (ib[0] > ia[1] and newer(b, a))
        return Relation.UPDATES if later else Relation.COMPETES
    if ca.kind == "weapon":
        return _weapon(ca, cb)
    if ca.kind == "actor":
        return _actor(ca, cb)
    if ca.kind == "intent":
        return _intent(ca, cb)
    if ca.kind == "place":
        return _place(ca, cb)
    if not (_near_report(a) and _near_report(b)):
        return Relation.NEUTRAL  # a date far from the report is another incident's
    return _time(ca, cb)


def _weapon(a: ClaimLike, b: ClaimLike) -> Relation:
    words = load_words()
    if (a.negated and a.canonical in words.denied_by_whose) or (
        b.negated and b.canonical in words.denied_by_whose
    ):
        return Relation.NEUTRAL  # "its aircraft were not there" denies who, not what was used
    if a.canonical == b.canonical:
        if a.negated != b.negated:
            return Relation.CONTRADICTS
        if a.count is not None and b.count is not None and a.count != b.count:
            return Relation.CONTRADICTS
        return Relation.SUPPORTS
    kind_a = words.weapon_class.get(a.canonical or "")
    if kind_a is None or kind_a != words.weapon_class.get(b.canonical or ""):
        return Relation.NEUTRAL  # different classes: one says nothing about the other
    if a.negated or b.negated:
        return Relation.NEUTRAL
    if a.canonical in words.generic_weapons:
        return Relation.SUPPORTS  # "F-16s" bears out "warplanes"
    if b.canonical in words.generic_weapons:
        return Relation.NEUTRAL  # "warplanes" neither bears out nor denies "F-16s"
    return Relation.COMPETES


def _actor(a: ClaimLike, b: ClaimLike) -> Relation:
    words = load_words()
    ca, cb = a.canonical, b.canonical
    if not ca or not cb or ca in words.neutral_actors or cb in words.neutral_actors:
        return Relation.NEUTRAL
    if ca == cb or frozenset((ca, cb)) in words.compatible_actors:
        return Relation.CONTRADICTS if a.negated != b.negated else Relation.SUPPORTS
    if a.negated or b.negated:
        return Relation.NEUTRAL  # "Russia did not do it" says nothing about "the US did"
    return Relation.COMPETES


def effective_intent(claim: ClaimLike) -> str | None:
    if claim.canonical and claim.negated:
        return load_words().negated_intent.get(claim.canonical, claim.canonical)
    return claim.canonical


def _intent(a: ClaimLike, b: ClaimLike) -> Relation:
    words = load_words()
    ia, ib = effective_intent(a), effective_intent(b)
    if not ia or not ib or ia in words.neutral_intents or ib in words.neutral_intents:
        return Relation.NEUTRAL
    if ia == ib:
        return Relation.SUPPORTS
    if frozenset((ia, ib)) in words.compatible_intents:
        return Relation.NEUTRAL
    return Relation.COMPETES


def _area(name: str | None) -> str:
    """A governorate as the area it counts as (Rif Dimashq is Damascus), casefolded."""
    name = (name or "").strip()
    return load_words().areas.get(name, name).casefold()


def _place(a: ClaimLike, b: ClaimLike) -> Relation:
    """The same place, or a governorate and a place inside it, agree; places in two different
    areas compete; two towns of one area say nothing about each other."""
    pa, pb = (a.canonical or "").casefold(), (b.canonical or "").casefold()
    ga, gb = _area(a.value), _area(b.value)
    if pa and pa == pb:
        return Relation.SUPPORTS
    if ga and gb:
        if ga != gb:
            return Relation.COMPETES
        if _area(a.canonical) == ga:
            return Relation.SUPPORTS  # "in Deir ez-Zor" is borne out by a site inside it
    return Relation.NEUTRAL


TIME_TOLERANCE_MIN = 180  # clock times this close agree (local time against GMT)
INCIDENT_DAYS = 3  # a date further than this from the report's own date is context


def _near_report(s: Sourced) -> bool:
    """The claimed date is within a few days of the report (or either date is unknown)."""
    try:
        said = date.fromisoformat((s.claim.value or "")[:10])
        printed = date.fromisoformat(s.when[:10])
    except ValueError:
        return True
    return abs((said - printed).days) <= INCIDENT_DAYS


def _time(a: ClaimLike, b: ClaimLike) -> Relation:
    va, vb = a.value or "", b.value or ""
    if len(va) < 10 or len(vb) < 10:
        return Relation.NEUTRAL
    if va[:10] != vb[:10]:
        return Relation.COMPETES
    ma, mb = _minutes(va), _minutes(vb)
    if ma is not None and mb is not None and abs(ma - mb) > TIME_TOLERANCE_MIN:
        return Relation.COMPETES
    return Relation.SUPPORTS


def _minutes(value: str) -> int | None:
    if len(value) < 16 or value[10] != "T":
        return None
    try:
        return int(value[11:13]) * 60 + int(value[14:16])
    except ValueError:
        return None


# -- what one origin says about a claim, and a group's status -------------------------------------


def stance(a: Sourced, theirs: Sequence[Sourced], own: Sequence[Sourced] = ()) -> Relation:
    """What one origin's claims, taken together, say about a (`own`: a's origin's claims).

    An explicit contradiction wins (unless the origin also bears a out: it reports both sides,
    and takes neither); then any claim bearing a out; then another answer to the
    question — unless that origin bears out another of `own` (they share an answer, and a is
    about something else: an origin giving "8" and "22" is not disputed over its 8 by one giving
    22); then an update; else nothing.
    """
    found = _raw_stance(a, theirs)
    if found is Relation.COMPETES and any(
        _same_answer(mine, b) for mine in own if mine.signature != a.signature for b in theirs
    ):
        return Relation.NEUTRAL
    return found


def _raw_stance(a: Sourced, theirs: Sequence[Sourced]) -> Relation:
    """`stance` before the shared-answer exception (which depends on a's origin)."""
    supports = contradicts = competes = updates = False
    mine = a.signature
    for b in theirs:
        r = _MEMO.get((mine, b.signature)) or relation(a, b)  # the memo, without a call
        if r is Relation.SUPPORTS:
            supports = True
        elif r is Relation.CONTRADICTS:
            contradicts = True
        elif r is Relation.COMPETES:
            competes = True
        elif r is Relation.UPDATES:
            updates = True
    if contradicts:
        # an origin that says both a thing and its denial reports both sides: no stance
        return Relation.NEUTRAL if supports else Relation.CONTRADICTS
    if supports:
        return Relation.SUPPORTS
    if competes:
        return Relation.COMPETES
    return Relation.UPDATES if updates else Relation.NEUTRAL


def _same_answer(a: Sourced, b: Sourced) -> bool:
    """b bears a out, or names the same weapon type (if with another count). A generic weapon
    both name ("warplanes") is no shared answer: it says nothing about which type it was."""
    if a.claim.kind == "weapon":
        if a.claim.negated or b.claim.negated or a.claim.canonical != b.claim.canonical:
            return False
        return a.claim.canonical not in load_words().generic_weapons
    return relation(a, b) is Relation.SUPPORTS


def counts(s: Sourced) -> bool:
    """Whether a claim bears on others: hypothetical ones ("even if it was a mistake") and times
    said of another moment than the incident's do not."""
    return not (s.claim.hypothetical or s.aside)


def by_origin(members: Sequence[Sourced]) -> dict[str, list[Sourced]]:
    """The claims that count (see `counts`) by origin key, one per signature."""
    out: dict[str, list[Sourced]] = {}
    seen: set[tuple[str, str]] = set()
    for s in members:
        key = (s.origin.key, s.signature)
        if counts(s) and key not in seen:
            seen.add(key)
            out.setdefault(s.origin.key, []).append(s)
    return out


class Stances:
    """What every origin of one group says about each claim, worked out once per group.

    Origins that said exactly the same things (the same signatures) say the same about any
    claim: they share a "voice", and a stance is worked out once per voice.
    """

    def __init__(self, members: Sequence[Sourced]) -> None:
        self.members = members
        self.origins = by_origin(members)
        voice_ids: dict[tuple[str, ...], int] = {}
        self.voice: dict[str, int] = {}  # origin key -> its voice
        self.voices: dict[int, list[str]] = {}  # voice -> origin keys, first seen first
        for key, claims in self.origins.items():
            said = tuple(sorted(c.signature for c in claims))
            vid = voice_ids.setdefault(said, len(voice_ids))
            self.voice[key] = vid
            self.voices.setdefault(vid, []).append(key)
        self._raw: dict[tuple[str, int], Relation] = {}
        self._borne: dict[tuple[str, int], frozenset[str]] = {}

    def of(self, a: Sourced, other: str) -> Relation:
        """What origin `other` says about claim a."""
        return self.of_voice(a, self.voice[other])

    def of_voice(self, a: Sourced, vid: int) -> Relation:
        """What the origins of voice `vid` say about claim a (as `stance`, remembered)."""
        key = (a.signature, vid)
        found = self._raw.get(key)
        if found is None:
            found = self._raw[key] = _raw_stance(a, self.origins[self.voices[vid][0]])
        if found is Relation.COMPETES and any(
            sig != a.signature for sig in self._borne_out(a.origin.key, vid)
        ):
            return Relation.NEUTRAL  # the voice shares another answer with a's origin
        return found

    def _borne_out(self, origin: str, vid: int) -> frozenset[str]:
        """The signatures of `origin`'s claims that voice `vid` bears out (same answer)."""
        key = (origin, vid)
        found = self._borne.get(key)
        if found is None:
            theirs = self.origins[self.voices[vid][0]]
            found = self._borne[key] = frozenset(
                mine.signature
                for mine in self.origins.get(origin, ())
                if any(_same_answer(mine, b) for b in theirs)
            )
        return found


def group_status(
    members: Sequence[Sourced], stances: Stances | None = None, *, disputed: bool | None = None
) -> str:
    """conflict (an origin disputes another), update (a rising toll), agree, or single.

    `disputed`: whether any claim's suggestion is already known to be `disputed` (the same
    question as "does an origin dispute another"), to save asking it again.
    """
    stances = stances or Stances(members)
    origins = stances.origins
    if disputed is None:
        disputed = any(
            stances.of(a, other) in (Relation.CONTRADICTS, Relation.COMPETES)
            for key, claims in origins.items()
            for a in claims
            for other in origins
            if other != key
        )
    if disputed:
        return "conflict"
    counted = [s for claims in origins.values() for s in claims if s.claim.kind == "casualty"]
    if any(
        relation(a, b) is Relation.UPDATES for i, a in enumerate(counted) for b in counted[i + 1 :]
    ):
        return "update"
    return "agree" if len(origins) > 1 else "single"
