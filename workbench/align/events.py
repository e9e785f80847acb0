"""Events: articles about one incident, found from what their text says and when they appeared.

Articles are taken in publication order. Each is compared only with the events that have an
article in the same block — the same place (or a rare headline word) within the date window — so
the cost grows with the number of articles, not with its square. It joins the event it is most
like when the likeness clears the threshold, or starts a new one. Likeness weighs the places
(their governorate first), the headline and lead words (rapidfuzz), the death tolls, weapons and
perpetrators named, and how many days apart the articles are. Nothing else is read: no label, no
file name.

An event's `key` is made from its first article's outlet and text hash, or is the key the stored
event with most of the same articles already had, so re-running after new articles arrive finds
the same events again.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from workbench.align.profiles import ArticleProfile
from workbench.models import Event


@dataclass(frozen=True)
class Likeness:
    """How much each kind of evidence counts when an article is compared with another."""

    threshold: float = 0.5
    same_governorate: float = 0.35  # both articles mostly about one governorate
    shared_governorate: float = 0.15  # a governorate both name, not first for both
    other_governorate: float = 0.5  # penalty: each names places, in no common governorate
    same_place: float = 0.3  # a town or site below governorate level both name
    other_place: float = 0.3  # penalty: each names towns or sites, none in common
    text: float = 0.6  # headline/lead likeness, scaled from text_floor..100
    text_floor: float = 35.0
    toll: float = 0.3  # the same exact death toll
    weapon: float = 0.1  # the same specific weapon type
    perpetrator: float = 0.1
    day_apart: float = 0.4  # penalty per day between the two articles
    rare_words: int = 2  # rare headline words used as extra blocks
    rare_below: float = 0.002  # a word is rare when in fewer than this share of articles (min 3)
    compare_members: int = 8  # an event is compared through its first and last members
    block_events: int = 40  # at most this many latest events per block are looked at


@dataclass
class _Cluster:
    members: list[ArticleProfile] = field(default_factory=list)
    governorates: Counter[str] = field(default_factory=Counter)


def likeness(
    a: ArticleProfile, b: ArticleProfile, how: Likeness, floor: float = -math.inf
) -> float:
    """How alike two articles are as reports of one incident (higher is more alike).

    The headline comparison (the costly part) is skipped when even a perfect match could not
    lift the score to `floor`.
    """
    score = 0.0
    if a.governorates and b.governorates:
        if a.governorates[0] == b.governorates[0]:
            score += how.same_governorate
        elif set(a.governorates) & set(b.governorates):
            score += how.shared_governorate
        else:
            score -= how.other_governorate
    if a.places & b.places:
        score += how.same_place
    elif a.places and b.places:
        score -= how.other_place
    if a.tolls & b.tolls:
        score += how.toll
    if a.weapons & b.weapons:
        score += how.weapon
    if a.perpetrators & b.perpetrators:
        score += how.perpetrator
    if a.day is not None and b.day is not None:
        score -= how.day_apart * abs(a.day - b.day)
    if a.words and b.words and score + how.text >= floor:
        ratio = fuzz.token_set_ratio(a.words, b.words)
        score += how.text * max(0.0, ratio - how.text_floor) / (100.0 - how.text_floor)
    return score


def _rare_words(articles: Sequence[ArticleProfile], how: Likeness) -> dict[int, list[str]]:
    """For each article, its rarest headline words (rare across the corpus), as extra blocks."""
    df: Counter[str] = Counter()
    for p in articles:
        df.update(p.tokens)
    limit = max(3.0, how.rare_below * len(articles))
    rare: dict[int, list[str]] = {}
    for p in articles:
        words = sorted(
            (w for w in p.tokens if 1 < df[w] < limit and not w.isdigit()), key=lambda w: df[w]
        )
        rare[p.head.id] = words[: how.rare_words]
    return rare


def _blocks(p: ArticleProfile, rare: list[str]) -> list[str]:
    keys = [f"g:{g}" for g in p.governorates[:2]] + [f"p:{x}" for x in sorted(p.places)]
    keys += [f"w:{w}" for w in rare]
    return keys or ["*"]


def _order(p: ArticleProfile) -> tuple[bool, int, str, str, str, int]:
    h = p.head
    return (p.day is None, p.day or 0, h.when, h.outlet, h.sha256, h.id)


def cluster_articles(
    articles: Sequence[ArticleProfile], *, window_days: int = 3, how: Likeness | None = None
) -> list[list[ArticleProfile]]:
    """Group articles into events; each article is in exactly one (singletons included)."""
    how = how or Likeness()
    rare = _rare_words(articles, how)
    clusters: list[_Cluster] = []
    index: dict[tuple[int | None, str], list[int]] = {}
    for p in sorted(articles, key=_order):
        blocks = _blocks(p, rare[p.head.id])
        days: Iterable[int | None] = (
            [None] if p.day is None else range(p.day - window_days, p.day + 1)
        )
        candidates: set[int] = set()
        for day in days:
            for block in blocks:
                candidates.update(index.get((day, block), ())[-how.block_events :])
        best, best_score = -1, how.threshold
        for cid in sorted(candidates):
            score = _cluster_likeness(p, clusters[cid], how, best_score)
            if score >= best_score:
                best, best_score = cid, score
        if best < 0:
            best = len(clusters)
            clusters.append(_Cluster())
        cluster = clusters[best]
        cluster.members.append(p)
        if p.governorates:
            cluster.governorates[p.governorates[0]] += 1
        for block in blocks:
            ids = index.setdefault((p.day, block), [])
            if not ids or ids[-1] != best:
                ids.append(best)
    return [c.members for c in clusters]


def _cluster_likeness(p: ArticleProfile, cluster: _Cluster, how: Likeness, floor: float) -> float:
    """The article's likeness to its most alike member, less a penalty when the event is mostly
    about a governorate the article does not name."""
    penalty = 0.0
    if p.governorates and cluster.governorates:
        main, _ = cluster.governorates.most_common(1)[0]
        if main not in p.governorates:
            penalty = how.other_governorate / 2
    members = cluster.members
    n = how.compare_members
    if len(members) > n:
        members = members[: n // 2] + members[-(n - n // 2) :]
    best = -math.inf
    for m in members:
        best = max(best, likeness(p, m, how, max(floor + penalty, best)))
    return best - penalty


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
