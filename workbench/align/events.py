"""Events: articles about one incident, found from what their text says and when they appeared.

Articles are taken in publication order. Each is compared only with the events that have an
article in one of its blocks — the same governorate, town or rare headline word within the date
window — so the cost grows with the number of articles, not with its square. It joins the event it
is most like when the likeness clears the threshold, or starts a new one. Articles naming no
governorate (a reaction, a commentary) come last and look through the whole day.

Likeness weighs, in this order of weight: where the articles say it happened (the governorate
named first and most, with Damascus and its countryside one area; a town both name), how many days
apart they appeared (a report a day later joins only as a follow-up: it says the toll rose, about
the same place), the rare words they share when one names no place, the death tolls, weapons and
the likeness of headline and lead (rapidfuzz). Nothing else is read: no label, no file name.

An event's `key` is made from its first article's outlet and text hash, or is the key the stored
event with most of the same articles already had, so re-running after new articles arrive finds
the same events again.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from workbench.align.profiles import ArticleProfile
from workbench.models import Event


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
    if a.day is not None and b.day is not None and a.day != b.day:
        later = a if a.day > b.day else b
        follows = follow_up and later.rising and same_place
        score -= how.day_apart * abs(a.day - b.day) - (how.follow_up if follows else 0.0)
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


def _document_frequency(articles: Sequence[ArticleProfile]) -> Counter[str]:
    df: Counter[str] = Counter()
    for p in articles:
        df.update(p.tokens)
    return df


def _idf(df: Counter[str], n: int) -> dict[str, float]:
    """How telling each headline word is: log(n / articles using it); words of one article 0."""
    return {w: math.log(n / c) for w, c in df.items() if c > 1}


def _rare_words(
    articles: Sequence[ArticleProfile], df: Counter[str], how: Likeness
) -> dict[int, list[str]]:
    """For each article, its rarest headline words (rare across the corpus), as extra blocks."""
    limit = max(3.0, how.rare_below * len(articles))
    rare: dict[int, list[str]] = {}
    for p in articles:
        words = sorted(
            (w for w in p.tokens if 1 < df[w] < limit and not w.isdigit()), key=lambda w: df[w]
        )
        rare[p.head.id] = words[: how.rare_words]
    return rare


def _blocks(p: ArticleProfile, rare: list[str]) -> list[str]:
    """Where an article is filed: its governorates, places and rarest headline words, and the day
    as a whole ("*", which only articles naming no governorate look through)."""
    keys = [f"g:{g}" for g in p.governorates[:2]] + [f"p:{x}" for x in sorted(p.places)]
    return [*keys, *(f"w:{w}" for w in rare), "*"]


def _order(p: ArticleProfile) -> tuple[bool, int, str, str, str, int]:
    h = p.head
    return (p.day is None, p.day or 0, h.when, h.outlet, h.sha256, h.id)


def cluster_articles(
    articles: Sequence[ArticleProfile], *, window_days: int = 3, how: Likeness | None = None
) -> list[list[ArticleProfile]]:
    """Group articles into events; each article is in exactly one (singletons included).

    Articles that name a governorate go first, in publication order; those that name none follow
    (a reaction or a commentary on the day's incident), each looking through the whole day.
    Last, a report left alone on its day that says a toll rose at a place joins the earlier event
    at that place it follows up, if there is one (several reports on the later day make an event
    of their own).
    """
    how = how or Likeness()
    df = _document_frequency(articles)
    idf = _idf(df, len(articles))
    rare = _rare_words(articles, df, how)
    clusters: list[list[ArticleProfile]] = []
    index: dict[tuple[int | None, str], list[int]] = {}

    def candidates(p: ArticleProfile, days: Iterable[int | None]) -> list[int]:
        blocks = _blocks(p, rare[p.head.id])
        looked = blocks if not p.governorates else blocks[:-1]
        found: set[int] = set()
        for day in days:
            for block in looked:
                found.update(index.get((day, block), ())[-how.block_events :])
        return sorted(found)

    def best_of(p: ArticleProfile, ids: list[int], follow_up: bool) -> int:
        best, best_score = -1, how.threshold
        for cid in ids:
            score = _cluster_likeness(p, clusters[cid], how, best_score, idf, follow_up)
            if score >= best_score:
                best, best_score = cid, score
        return best

    placed = sorted((p for p in articles if p.governorates), key=_order)
    unplaced = sorted((p for p in articles if not p.governorates), key=_order)
    for p in placed + unplaced:
        window = [None] if p.day is None else range(p.day - window_days, p.day + window_days + 1)
        best = best_of(p, candidates(p, window), follow_up=False)
        if best < 0:
            best = len(clusters)
            clusters.append([])
        clusters[best].append(p)
        for block in _blocks(p, rare[p.head.id]):
            ids = index.setdefault((p.day, block), [])
            if not ids or ids[-1] != best:
                ids.append(best)
    for cid, members in enumerate(clusters):
        p = members[0]
        if len(members) == 1 and p.rising and p.day is not None:
            earlier = range(p.day - window_days, p.day)
            best = best_of(p, [c for c in candidates(p, earlier) if c != cid], follow_up=True)
            if best >= 0:
                clusters[best].append(p)
                members.clear()
    return [sorted(c, key=_order) for c in clusters if c]


def _cluster_likeness(
    p: ArticleProfile,
    members: list[ArticleProfile],
    how: Likeness,
    floor: float,
    idf: Mapping[str, float],
    follow_up: bool,
) -> float:
    """The article's likeness to the most alike member of the event (its first and last ones
    when the event is large)."""
    n = how.compare_members
    if len(members) > n:
        members = members[: n // 2] + members[-(n - n // 2) :]
    best = -math.inf
    for m in members:
        best = max(best, likeness(p, m, how, max(floor, best), idf, follow_up))
    return best


# -- events as the store keeps them -------------------------------------------------------------


def event_key(first: ArticleProfile) -> str:
    """A key made from the outlet and text hash of an event's first article."""
    digest = hashlib.sha256(f"{first.head.outlet}\x00{first.head.sha256}".encode()).hexdigest()
    return "ev-" + digest[:16]


def assign_keys(
    clusters: Sequence[Sequence[ArticleProfile]], stored: Mapping[str, Iterable[int]]
) -> list[str]:
    """One key per cluster: a stored event's key when it had most of these articles, else new."""
    owner: dict[int, str] = {a: key for key, ids in stored.items() for a in ids}
    claims: list[tuple[int, int, str]] = []  # (-overlap, cluster index, stored key)
    for i, members in enumerate(clusters):
        overlap = Counter(owner[m.head.id] for m in members if m.head.id in owner)
        claims.extend((-n, i, key) for key, n in overlap.items())
    keys: list[str | None] = [None] * len(clusters)
    taken: set[str] = set()
    for _, i, key in sorted(claims):
        if keys[i] is None and key not in taken:
            keys[i] = key
            taken.add(key)
    result: list[str] = []
    for i, members in enumerate(clusters):
        key = keys[i] or event_key(members[0])
        while key in taken and keys[i] is None:
            key += "+"
        taken.add(key)
        result.append(key)
    return result


def build_event(key: str, members: Sequence[ArticleProfile]) -> Event:
    days = sorted(m.head.published for m in members if m.head.published)
    weights: dict[str, float] = {}
    for m in members:
        for rank, name in enumerate(m.place_names[:6]):
            weights[name] = weights.get(name, 0.0) + 1.0 / (rank + 1)
    places = sorted(weights, key=lambda n: (-weights[n], n))[:6]
    return Event(
        key=key,
        label=event_label(members, places),
        date_from=days[0] if days else None,
        date_to=days[-1] if days else None,
        places=places,
        article_ids=sorted(m.head.id for m in members),
    )


def event_label(members: Sequence[ArticleProfile], places: Sequence[str]) -> str:
    """A readable label: first date, main place and the first article's headline."""
    first = members[0].head
    headline = " ".join((first.title or first.lead).split())
    if len(headline) > 72:
        headline = headline[:71].rstrip() + "…"
    parts = [p for p in (first.published, places[0] if places else None) if p]
    return f"{' '.join(parts)}: {headline}" if parts else headline


def find_events(
    articles: Sequence[ArticleProfile],
    stored: Mapping[str, Iterable[int]],
    *,
    window_days: int = 3,
    how: Likeness | None = None,
) -> list[tuple[Event, list[ArticleProfile]]]:
    """Events with their member profiles, in first-article order."""
    clusters = cluster_articles(articles, window_days=window_days, how=how)
    keys = assign_keys(clusters, stored)
    return [(build_event(k, c), list(c)) for k, c in zip(keys, clusters, strict=True)]
