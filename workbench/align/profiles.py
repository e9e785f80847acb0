"""What an article says about its incident, in the form event clustering compares.

An article's profile holds only what its text, outlet and publication date give: the day, the
day its lead says the incident happened, the places (their governorates first), the weapons and
perpetrators named, the death tolls given, whether a toll is said to have risen, and the words of
its headline and lead.

The incident day (`told`) is the earliest day the lead gives for the incident (align/moments.py).
"""

from __future__ import annotations

import math
import re
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from workbench.align.claimview import ClaimLike
from workbench.align.lexicon import load_words
from workbench.align.moments import told_day

LEAD_CHARS = 300  # how much of the text counts as the lead
EARLY_WEIGHT = 20.0  # a place named at the very start counts 1 + this; later ones less ...
EARLY_CHARS = 400.0  # ... falling by e every this many characters
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
_YEAR = re.compile(r"^(19|20)\d\d$")


@dataclass(frozen=True, slots=True)
class ArticleHead:
    """The part of a stored article alignment reads (the text only up to the lead)."""

    id: int
    source: str | None
    title: str | None
    lead: str
    published: str | None
    published_at: str | None
    sha256: str

    @property
    def outlet(self) -> str:
        return self.source or "unnamed outlet"

    @property
    def when(self) -> str:
        return self.published_at or self.published or ""

    @property
    def day(self) -> int | None:
        try:
            return date.fromisoformat((self.published or self.when)[:10]).toordinal()
        except ValueError:
            return None


@dataclass(frozen=True, slots=True)
class ArticleProfile:
    head: ArticleHead
    day: int | None  # publication day (an ordinal)
    told: int | None  # the earlier day the lead says the incident happened, if it says one
    told_places: frozenset[str]  # towns and sites named in the sentence that says that day
    governorates: tuple[str, ...]  # by weight: the first is where the article mostly is
    places: frozenset[str]  # named places below governorate level, casefolded
    place_names: tuple[str, ...]  # every place as written by extraction, by weight
    weapons: frozenset[str]  # specific types only ("F-16", not "warplane")
    perpetrators: frozenset[str]  # who the article says did it (not denials, not "unknown")
    tolls: frozenset[int]  # exact death tolls given (3 or more)
    rising: bool  # says a toll rose ("the death toll rose to 48"): a follow-up report
    words: str  # headline and lead without stop words, for rapidfuzz
    tokens: frozenset[str]

    @property
    def incident(self) -> int | None:
        """The day the incident happened, as far as the article tells: its `told` day, else the
        day it was published."""
        return self.day if self.told is None else self.told


def headline_words(text: str) -> list[str]:
    """The words of a headline or lead that can tell one incident from another.

    Stop words, years and datelines ("05 Apr 2017": a day number next to a month) are left out.
    """
    words = load_words()
    raw = [w.replace("’", "'").removesuffix("'s") for w in _WORD.findall(text.casefold())]
    out: list[str] = []
    for i, word in enumerate(raw):
        if word in words.stop_words or word in words.months or _YEAR.match(word):
            continue
        if len(word) < 2 and not word.isdigit():
            continue
        if word.isdigit() and len(word) <= 2 and _next_to_month(raw, i, words.months):
            continue
        out.append(word)
    return out


def _next_to_month(words: list[str], i: int, months: frozenset[str]) -> bool:
    return (i > 0 and words[i - 1] in months) or (i + 1 < len(words) and words[i + 1] in months)


def _weight(claim: ClaimLike) -> float:
    """Places said early weigh more: the headline and lead name where the incident happened."""
    at = claim.span_start if claim.span_start is not None else claim.start
    return 1.0 + EARLY_WEIGHT * math.exp(-at / EARLY_CHARS)


def profile(head: ArticleHead, claims: Sequence[ClaimLike]) -> ArticleProfile:
    words = load_words()
    govs: dict[str, float] = {}
    first_at: dict[str, int] = {}
    names: dict[str, float] = {}
    places: set[str] = set()
    weapons: set[str] = set()
    perpetrators: set[str] = set()
    tolls: set[int] = set()
    rising = False
    for claim in claims:
        if claim.kind == "place" and claim.canonical:
            weight = _weight(claim)
            names[claim.canonical] = names.get(claim.canonical, 0.0) + weight
            gov = words.areas.get((claim.value or "").strip(), (claim.value or "").strip())
            if gov:
                govs[gov] = govs.get(gov, 0.0) + weight
                first_at.setdefault(gov, claim.start)
            if not gov or claim.canonical.casefold() != gov.casefold():
                places.add(sys.intern(claim.canonical.casefold()))
        elif claim.kind == "weapon" and claim.canonical and not claim.negated:
            if claim.canonical not in words.generic_weapons:
                weapons.add(claim.canonical)
            kind = words.weapon_class.get(claim.canonical)
            if kind in words.telling_classes:
                weapons.add(kind)
        elif claim.kind == "actor" and claim.role == "perpetrator" and not claim.negated:
            if claim.canonical and claim.canonical not in words.neutral_actors:
                perpetrators.add(claim.canonical)
        elif claim.kind == "casualty" and claim.outcome == "killed" and not claim.negated:
            rising = rising or claim.rising
            if claim.low is not None and claim.low == claim.high and claim.low >= 3:
                tolls.add(claim.low)
    told, told_places = told_day(head.day, claims)
    ranked = sorted(govs, key=lambda g: (-govs[g], first_at[g], g))
    text_words = headline_words(f"{head.title or ''} {head.lead}")
    return ArticleProfile(
        head=head,
        day=head.day,
        told=told,
        told_places=told_places,
        governorates=tuple(ranked),
        places=frozenset(places),
        place_names=tuple(sorted(names, key=lambda n: (-names[n], n))),
        weapons=frozenset(weapons),
        perpetrators=frozenset(perpetrators),
        tolls=frozenset(tolls),
        rising=rising,
        words=" ".join(text_words),
        tokens=frozenset(map(sys.intern, text_words)),  # the same words across 100k articles
    )


def profiles(
    heads: Iterable[ArticleHead], claims: Mapping[int, Sequence[ClaimLike]]
) -> list[ArticleProfile]:
    """Profiles of the articles that have claims (an article without any joins no event)."""
    return [profile(h, claims[h.id]) for h in heads if claims.get(h.id)]
