"""Events: articles about one incident, found from what their text says and when they appeared.

Articles are taken day by day in publication order. Each is compared only with the events that
have an article in one of its blocks — the same governorate, town or rare headline word, on the
day it appeared or on the earlier day its lead says the incident happened, within the window — so
the cost grows with the number of articles, not with its square. It joins the event it is most
like (align/likeness.py) when the likeness clears the threshold, or starts a new one. Each day,
articles naming no governorate (a reaction, a commentary) come last and look through the whole
day.

An event follows the incident, not the publication day: a Sunday report of "Saturday's air strike
on Tell Hamra" joins Saturday's event at Tell Hamra, on its own evidence against Saturday's
reports (another Sunday report that gives no earlier day does not follow it there).

An event's `key` is made from its first article's outlet and text hash, or is the key the stored
event with most of the same articles already had, so re-running after new articles arrive finds
the same events again.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from workbench.align.likeness import Likeness, document_frequency, idf_of, likeness
from workbench.align.profiles import ArticleProfile
from workbench.models import Event

__all__ = ["Likeness", "cluster_articles", "find_events", "likeness"]


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

    Articles are taken day by day in publication order, those naming a governorate first each day
    (those naming none, a reaction or a commentary, look through the whole day). An article joins
    an event of the day it appeared, or of the earlier day its lead says the incident happened:
    then on its own evidence against the articles of that day (`days_apart`), not through another
    article that joined the same way. Last, a report left alone on its day that says a toll rose
    at a place joins the earlier event at that place it follows up, if there is one.
    """
    how = how or Likeness()
    found = _Clustering([_within(p, window_days) for p in articles], how)
    for p in sorted(found.articles, key=_day_order):
        reach = min(window_days, _days_reachable(how, placed=bool(p.governorates)))
        found.add(p, found.best_of(p, reach))
    for cid, members in enumerate(found.clusters):
        p = members[0]
        if len(members) == 1 and p.rising and p.day is not None:
            earlier = range(p.day - window_days, p.day)  # events may hold follow-ups already
            best = found.best_follow_up(p, [c for c in found.candidates(p, earlier) if c != cid])
            if best >= 0:
                found.clusters[best].append(p)
                members.clear()
    return [sorted(c, key=_order) for c in found.clusters if c]


def _day_order(p: ArticleProfile) -> tuple[bool, int, bool, tuple[bool, int, str, str, str, int]]:
    return (p.day is None, p.day or 0, not p.governorates, _order(p))


class _Clustering:
    """The events found so far, and where to look them up (by day and block)."""

    def __init__(self, articles: list[ArticleProfile], how: Likeness) -> None:
        self.articles = articles
        self.how = how
        df = document_frequency(articles)
        self.idf = idf_of(df, len(articles))
        self.rare = _rare_words(articles, df, how)
        self.clusters: list[list[ArticleProfile]] = []
        # per event: the days its articles appeared on and said it happened (not counting those
        # that joined it through the earlier day they told), and those articles themselves
        self.days: list[set[int]] = []
        self.own: list[list[ArticleProfile]] = []
        self.index: dict[tuple[int | None, str], list[int]] = {}

    def candidates(self, p: ArticleProfile, days: Iterable[int | None]) -> list[int]:
        blocks = _blocks(p, self.rare[p.head.id])
        looked = blocks if not p.governorates else blocks[:-1]
        found: set[int] = set()
        for day in days:
            for block in looked:
                found.update(self.index.get((day, block), ())[-self.how.block_events :])
        return sorted(found)

    def best_of(self, p: ArticleProfile, reach: int) -> tuple[int, bool]:
        """The event p is most like, if any (-1), and whether it joins through its told day."""
        days = _days(p)
        window = [None] if p.day is None else _around(days, reach)
        best, best_score, told = -1, self.how.threshold, False
        for cid in self.candidates(p, window):
            if p.day is None or _near(p.day, self.days[cid], reach):
                members, through = self.clusters[cid], False
            elif p.told is not None and _near(p.told, self.days[cid], reach):
                members, through = self.own[cid], True
            else:
                continue
            score = _cluster_likeness(p, members, self.how, best_score, self.idf, False)
            if score >= best_score:
                best, best_score, told = cid, score, through
        return best, told

    def best_follow_up(self, p: ArticleProfile, ids: list[int]) -> int:
        best, best_score = -1, self.how.threshold
        for cid in ids:
            score = _cluster_likeness(p, self.clusters[cid], self.how, best_score, self.idf, True)
            if score >= best_score:
                best, best_score = cid, score
        return best

    def add(self, p: ArticleProfile, found: tuple[int, bool]) -> None:
        best, through_told = found
        if best < 0:
            best = len(self.clusters)
            self.clusters.append([])
            self.days.append(set())
            self.own.append([])
        self.clusters[best].append(p)
        if not through_told:
            self.days[best].update(d for d in _days(p) if d is not None)
            self.own[best].append(p)
        for day in _days(p):  # found by the day it appeared and the day it says it happened
            for block in _blocks(p, self.rare[p.head.id]):
                ids = self.index.setdefault((day, block), [])
                if not ids or ids[-1] != best:
                    ids.append(best)


def _days(p: ArticleProfile) -> list[int | None]:
    """The day an article appeared, and the earlier day it says the incident happened."""
    return [p.day] if p.told is None or p.told == p.day else [p.day, p.told]


def _near(day: int, days: set[int], reach: int) -> bool:
    return not days or any(abs(day - d) <= reach for d in days)


def _within(p: ArticleProfile, window_days: int) -> ArticleProfile:
    """The profile, without its told day when that is further back than the window."""
    if p.told is None or p.day is None or p.day - p.told <= window_days:
        return p
    return replace(p, told=None)


def _around(days: Sequence[int | None], reach: int) -> list[int]:
    """Every day within `reach` of one of `days`, once each."""
    return sorted({d + i for d in days if d is not None for i in range(-reach, reach + 1)})


def _days_reachable(how: Likeness, *, placed: bool) -> int:
    """How many days apart two articles can be and still reach the threshold with every other
    kind of evidence in their favour (follow-ups aside): no need to look further for events to
    join (the window bounds it too)."""
    best = how.same_governorate + how.same_place + how.toll + how.weapon + how.text
    if not placed:
        best += how.words  # an article naming no governorate: shared words instead
    if how.day_apart <= 0:
        return 10**6
    return max(0, int((best - how.threshold) / how.day_apart + 1e-9))


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
