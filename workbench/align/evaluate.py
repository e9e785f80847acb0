"""Measuring event clustering against labelled data: precision, recall and F1 over article pairs.

Two articles are a gold pair when the labels put them in one event — for FA-KES, the same `date`
and `location` columns (kept by ingest in each article's date and metadata). The labels are read
here, for scoring only; clustering never sees them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date
from itertools import combinations

from workbench.align.events import Likeness, find_events
from workbench.align.profiles import ArticleHead, profiles
from workbench.align.run import DEFAULT_WINDOW_DAYS, compute_alignment
from workbench.models import Claim
from workbench.store import Store

PARTS = ("all", "dev", "held-out")


@dataclass(frozen=True)
class PairScores:
    precision: float
    recall: float
    f1: float
    true_pairs: int
    predicted_pairs: int
    gold_pairs: int


def pairs(clusters: Iterable[Collection[int]]) -> set[tuple[int, int]]:
    return {(a, b) for c in clusters for a, b in combinations(sorted(c), 2)}


def pair_scores(
    predicted: Iterable[Collection[int]], gold: Iterable[Collection[int]]
) -> PairScores:
    got, want = pairs(predicted), pairs(gold)
    true = len(got & want)
    precision = true / len(got) if got else 1.0
    recall = true / len(want) if want else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return PairScores(precision, recall, f1, true, len(got), len(want))


def fakes_gold(store: Store) -> dict[int, tuple[str, str]]:
    """article id -> (date, location) from FA-KES's label columns, for articles that have both."""
    gold: dict[int, tuple[str, str]] = {}
    for article in store.iter_articles():
        location = str(article.metadata.get("location") or "").strip().casefold()
        if article.published and location:
            gold[article.id] = (article.published, location)
    return gold


def part_of(day: str | None) -> str:
    """dev or held-out, by the ISO week of the date: whole weeks go one way (about 2 in 3 dev)."""
    if not day:
        return "dev"
    try:
        year, week, _ = date.fromisoformat(day[:10]).isocalendar()
    except ValueError:
        return "dev"
    digest = hashlib.sha256(f"{year}-{week}".encode()).digest()
    return "held-out" if digest[0] % 3 == 0 else "dev"


@dataclass(frozen=True)
class EventEval:
    part: str
    articles: int
    events: int
    scores: PairScores
    casualty_conflicts: int


def evaluate_events(
    store: Store,
    gold: dict[int, tuple[str, str]],
    *,
    part: str = "all",
    window_days: int = DEFAULT_WINDOW_DAYS,
    how: Likeness | None = None,
) -> EventEval:
    """Cluster the labelled articles of one part (alone) and score the clusters' pairs."""

    def keep(h: ArticleHead) -> bool:
        return h.id in gold and (part == "all" or part_of(h.published) == part)

    heads = [h for h in (ArticleHead(**row) for row in store.article_heads()) if keep(h)]
    claims: dict[int, list[Claim]] = {}
    for claim in store.claims_for_alignment():
        if claim.article_id is not None:
            claims.setdefault(claim.article_id, []).append(claim)
    found = find_events(profiles(heads, claims), {}, window_days=window_days, how=how)
    predicted = [e.article_ids for e, _ in found]
    by_gold: dict[tuple[str, str], list[int]] = {}
    for h in heads:
        by_gold.setdefault(gold[h.id], []).append(h.id)
    conflicts = 0
    if part == "all":
        result = compute_alignment(heads, claims, {}, window_days=window_days, how=how)
        conflicts = sum(1 for g in result.groups if g.kind == "casualty" and g.status == "conflict")
    return EventEval(
        part=part,
        articles=len(heads),
        events=len(found),
        scores=pair_scores(predicted, by_gold.values()),
        casualty_conflicts=conflicts,
    )
