"""Likeness: how alike two articles are as reports of one incident (higher is more alike).

It weighs, in this order of weight: where the articles say it happened (the governorate named
first and most, with Damascus and its countryside one area; a town both name), how many days apart
they are, the rare words they share when one names no place, the death tolls, weapons and the
likeness of headline and lead (rapidfuzz). Nothing else is read: no label, no file name.

Days apart are counted between the days the articles appeared, unless the text brings them closer:
an article published on Sunday that tells of "Saturday's air strike" is as near a Saturday report
as another Saturday report, when other evidence says they tell of one incident (`told_evidence`:
a town named in the sentence that gives the day, the same weapon type, a rising toll...). A report
a day or more later that gives no earlier day joins only as a follow-up: it says the toll rose,
about the same place.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from workbench.align.profiles import ArticleProfile


@dataclass(frozen=True)
class Likeness:
    """How much each kind of evidence counts when an article is compared with another.

    Tuned on part of FA-KES (its development weeks; see align/evaluate.py) and checked on the rest.
    """

    threshold: float = 0.5  # an article joins the most alike event at or above this
    same_governorate: float = 0.5  # both say it happened mostly in one governorate
    shared_governorate: float = 0.4  # where one says it mostly happened, the other names too
    other_governorate: float = 0.5  # penalty: both name governorates, none in common
    same_place: float = 0.3  # a town or site below governorate level both name
    day_apart: float = 1.0  # penalty per day between the two articles ...
    follow_up: float = 0.5  # ... less this once for a follow-up: it says the toll rose there
    words: float = 0.6  # when one names no governorate: the words both use, by rarity ...
    words_full: float = 8.0  # ... counting fully from this sum of idf
    toll: float = 0.3  # the same exact death toll
    weapon: float = 0.1  # the same specific weapon type
    text: float = 0.2  # headline and lead likeness (rapidfuzz token_set_ratio) ...
    text_floor: float = 35.0  # ... counting from this ratio up to 100
    rare_words: int = 2  # rare headline words used as extra blocks
    rare_below: float = 0.002  # a word is rare when in fewer than this share of articles (min 3)
    same_told: float = 0.1  # both say the incident happened on the same day
    # Days apart are counted from the day the text gives (see `told_evidence`) with this much:
    told_needs: float = 1.0
    told_place: float = 1.0  # a town the sentence giving the day names, the other names too
    told_weapon: float = 0.5  # the same specific weapon type
    told_rising: float = 0.5  # one says the toll rose (a follow-up report)
    told_perpetrator: float = 0.2  # the same perpetrator (few are named: alone it is weak)
    told_words: float = 0.2  # rare headline words both use (counted as for `words`)
    compare_members: int = 16  # an event is compared through its first and last members
    block_events: int = 40  # at most this many latest events per block are looked at


def likeness(
    a: ArticleProfile,
    b: ArticleProfile,
    how: Likeness,
    floor: float = -math.inf,
    idf: Mapping[str, float] | None = None,
    follow_up: bool = False,
) -> float:
    """How alike two articles are as reports of one incident (higher is more alike).

    `idf` weighs shared words by how rare they are in the corpus. `follow_up`: the later article
    may be a follow-up of the earlier (its day penalty is lessened when it says the toll rose at a
    place both name). The headline comparison (the costly part) is skipped when even a perfect
    match could not lift the score to `floor`.
    """
    score = 0.0
    placed = bool(a.governorates and b.governorates)
    if placed:
        if a.governorates[0] == b.governorates[0]:
            score += how.same_governorate
        elif a.governorates[0] in b.governorates or b.governorates[0] in a.governorates:
            score += how.shared_governorate
        elif not set(a.governorates) & set(b.governorates):
            score -= how.other_governorate
    same_place = bool(a.places & b.places)
    if same_place:
        score += how.same_place
    gap = days_apart(a, b, how, idf)
    if not gap and a.told is not None and a.told == b.told:
        score += how.same_told  # they are as near as can be, and say the same day
    if gap:
        later = a if (a.day or 0) > (b.day or 0) else b
        follows = follow_up and later.rising and same_place
        score -= how.day_apart * gap - (how.follow_up if follows else 0.0)
    if idf and not placed:
        shared = sum(idf.get(w, 0.0) for w in a.tokens & b.tokens)
        score += how.words * min(1.0, shared / how.words_full)
    if a.tolls & b.tolls:
        score += how.toll
    if a.weapons & b.weapons:
        score += how.weapon
    if a.words and b.words and score + how.text >= floor:
        ratio = fuzz.token_set_ratio(a.words, b.words)
        score += how.text * max(0.0, ratio - how.text_floor) / (100.0 - how.text_floor)
    return score


def days_apart(
    a: ArticleProfile, b: ArticleProfile, how: Likeness, idf: Mapping[str, float] | None = None
) -> int:
    """Days between two articles: between their incident days when the text brings them closer
    and other evidence says they tell of one incident (see `told_evidence`), else between their
    publication days (0 when either is unknown)."""
    if a.day is None or b.day is None:
        return 0
    gap = abs(a.day - b.day)
    if a.told is None and b.told is None:
        return gap
    told_gap = abs(a.incident - b.incident)  # type: ignore[operator]
    if told_gap < gap and told_evidence(a, b, how, idf) >= how.told_needs:
        return told_gap
    return gap


def told_evidence(
    a: ArticleProfile, b: ArticleProfile, how: Likeness, idf: Mapping[str, float] | None = None
) -> float:
    """How strongly two articles published on different days tell of one incident, besides the
    day their text gives: a town both name, the same weapon type or perpetrator, rare headline
    words both use, the later one saying the toll rose."""
    found = how.told_place if (a.told_places & b.places) or (b.told_places & a.places) else 0.0
    if a.weapons & b.weapons:
        found += how.told_weapon
    if a.perpetrators & b.perpetrators:
        found += how.told_perpetrator
    if (a if (a.day or 0) > (b.day or 0) else b).rising:
        found += how.told_rising
    if idf and found < how.told_needs:
        shared = sum(idf.get(w, 0.0) for w in a.tokens & b.tokens)
        found += how.told_words * min(1.0, shared / how.words_full)
    return found


def document_frequency(articles: Sequence[ArticleProfile]) -> Counter[str]:
    df: Counter[str] = Counter()
    for p in articles:
        df.update(p.tokens)
    return df


def idf_of(df: Counter[str], n: int) -> dict[str, float]:
    """How telling each headline word is: log(n / articles using it); words of one article 0."""
    return {w: math.log(n / c) for w, c in df.items() if c > 1}
