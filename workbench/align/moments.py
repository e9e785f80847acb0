"""When the incident happened, as an article tells it.

An article's incident day is the earliest date given in a sentence that tells of the incident
(one with a casualty count, a weapon or an actor in it), on or before the day the article appeared
and at most TOLD_DAYS earlier: in "The death toll from Saturday's air strike ... rose to 27 on
Sunday" Saturday is the incident's day and Sunday the toll's. A sentence that only says the toll
rose on the day of publication ("The death toll climbed to 34 on Sunday"), a byline ("Updated 13
March 2016") and a sentence about the aftermath ("Rescue workers were still searching the rubble
on Sunday morning") give other moments. The time claims that give the incident day tell when it
happened ("the bombs fell at around 10 a.m. (0800 GMT) on Saturday"); the others are said of
other moments.

Events read the incident day from the lead alone (`told_day`, TOLD_CHARS).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from workbench.align.claimview import ClaimLike

TOLD_CHARS = 600  # the incident day is read from time claims starting this early in the text ...
TOLD_DAYS = 7  # ... at most this many days before publication
TELLING = ("casualty", "weapon", "actor")  # a sentence with one of these tells of the incident


def _day(claim: ClaimLike) -> int | None:
    try:
        return date.fromisoformat((claim.value or "")[:10]).toordinal()
    except ValueError:
        return None


def _telling_days(
    day: int | None, claims: Sequence[ClaimLike], limit: int | None = None
) -> list[tuple[int, int]]:
    """(day, sentence start) of the earliest date in each sentence that tells of the incident
    (time claims starting before `limit`, when given), for an article published on `day`."""
    timed = {c.start for c in claims if c.kind == "time"}
    sentences: dict[int, list[ClaimLike]] = {}
    for claim in claims:
        if claim.start in timed:
            sentences.setdefault(claim.start, []).append(claim)
    found: list[tuple[int, int]] = []
    for start, said in sentences.items():
        if not any(c.kind in TELLING for c in said):
            continue
        days = [
            told
            for c in said
            if c.kind == "time"
            and (limit is None or _at(c) < limit)
            and (told := _day(c)) is not None
        ]
        if not days:
            continue
        rising = any(c.kind == "casualty" and c.rising for c in said)
        if rising and set(days) == {day}:
            continue  # it only says the toll rose that day
        found.append((min(days), start))
    return found


def _at(claim: ClaimLike) -> int:
    return claim.span_start if claim.span_start is not None else claim.start


def incident_day(
    day: int | None, claims: Sequence[ClaimLike], limit: int | None = None
) -> tuple[int | None, int]:
    """The earliest day a sentence telling of the incident gives, on or before publication day
    `day` and at most TOLD_DAYS earlier, and where that sentence starts (-1 when none)."""
    best: tuple[int | None, int] = (None, -1)
    for said, start in _telling_days(day, claims, limit):
        if day is not None and not day - TOLD_DAYS <= said <= day:
            continue
        if best[0] is None or (said, start) < (best[0], best[1]):
            best = (said, start)
    return best


def incident_times(day: int | None, claims: Sequence[ClaimLike]) -> list[bool]:
    """For each claim, whether it is a time claim telling when the incident happened: one that
    gives the article's incident day (`incident_day`; a byline of that day too)."""
    incident, _ = incident_day(day, claims)
    if incident is None:
        return [False] * len(claims)
    return [c.kind == "time" and _day(c) == incident for c in claims]


def told_day(day: int | None, claims: Sequence[ClaimLike]) -> tuple[int | None, frozenset[str]]:
    """The incident day the lead gives (time claims starting before TOLD_CHARS), and the places
    below governorate level named in the sentence that gives it."""
    if day is None:
        return None, frozenset()
    told, at_sentence = incident_day(day, claims, TOLD_CHARS)
    places = frozenset(
        c.canonical.casefold()
        for c in claims
        if c.kind == "place" and c.canonical and c.start == at_sentence and not _is_area(c)
    )
    return told, places


def _is_area(claim: ClaimLike) -> bool:
    """A place claim naming a governorate as a whole ("Idlib province"), not a town in it."""
    gov = (claim.value or "").strip()
    return bool(gov) and (claim.canonical or "").casefold() == gov.casefold()
