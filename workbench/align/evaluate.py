"""Measuring event clustering against labelled data: precision, recall and F1 over article pairs.

Two articles are a gold pair when the labels put them in one event — for FA-KES, the same `date`
and `location` columns (kept by ingest as each article's date and in its metadata). The labels are
read here, for scoring only; clustering never sees them.

Held out: alignment was tuned looking only at the development weeks (ISO weeks whose hash falls
in two thirds of the range, `part_of`); the other weeks are held out. Each part is clustered on its
own for its row. The even/odd columns of `workbench eval fakes` count the pairs of even and of odd
CSV records in the clustering of all articles.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from datetime import date
from itertools import combinations
from typing import Any

from workbench.align.events import Likeness, find_events
from workbench.align.profiles import LEAD_CHARS, ArticleHead, profiles
from workbench.align.run import DEFAULT_WINDOW_DAYS, claims_by_article, compute_alignment
from workbench.models import Claim
from workbench.store import Store

EVENT_F1_TARGET = ">= 0.90"


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
    try:
        year, week, _ = date.fromisoformat((day or "")[:10]).isocalendar()
    except ValueError:
        return "dev"
    digest = hashlib.sha256(f"{year}-{week}".encode()).digest()
    return "held-out" if digest[0] % 3 == 0 else "dev"


def _clusters(
    heads: list[ArticleHead],
    claims: dict[int, list[Claim]],
    keep: Callable[[ArticleHead], bool],
    how: Likeness | None,
    window_days: int,
) -> list[list[int]]:
    chosen = [h for h in heads if keep(h)]
    found = find_events(profiles(chosen, claims), {}, window_days=window_days, how=how)
    return [e.article_ids for e, _ in found]


def _gold_clusters(gold: dict[int, tuple[str, str]], ids: Iterable[int]) -> list[list[int]]:
    by_label: dict[tuple[str, str], list[int]] = {}
    for i in ids:
        by_label.setdefault(gold[i], []).append(i)
    return list(by_label.values())


def event_scores(
    store: Store,
    *,
    window_days: int = DEFAULT_WINDOW_DAYS,
    how: Likeness | None = None,
) -> dict[str, Any]:
    """Pair scores of the events found among the labelled articles, and what else is reported.

    Keys: "all", "even", "odd" (pairs of even / odd CSV records in the clustering of all),
    "dev", "held-out" (each part of the weeks clustered on its own): PairScores each;
    "events" and "casualty conflicts" (alignment of all labelled articles).
    """
    gold = fakes_gold(store)
    heads = [
        h for h in (ArticleHead(**row) for row in store.article_heads(LEAD_CHARS)) if h.id in gold
    ]
    records = {a.id: a.record or 0 for a in store.iter_articles()}
    claims = {i: c for i, c in claims_by_article(store).items() if i in gold}
    out: dict[str, Any] = {}
    everything = _clusters(heads, claims, lambda h: True, how, window_days)
    out["all"] = pair_scores(everything, _gold_clusters(gold, gold))
    for name, parity in (("even", 0), ("odd", 1)):
        half = {i for i in gold if records.get(i, 0) % 2 == parity}
        predicted = [[i for i in c if i in half] for c in everything]
        out[name] = pair_scores(predicted, _gold_clusters(gold, half))
    for name in ("dev", "held-out"):

        def in_part(h: ArticleHead, name: str = name) -> bool:
            return part_of(h.published) == name

        predicted = _clusters(heads, claims, in_part, how, window_days)
        part = [h.id for h in heads if part_of(h.published) == name]
        out[name] = pair_scores(predicted, _gold_clusters(gold, part))
    result = compute_alignment(heads, claims, {}, window_days=window_days, how=how)
    out["events"] = len(result.events)
    out["casualty conflicts"] = sum(
        1 for g in result.groups if g.kind == "casualty" and g.status == "conflict"
    )
    out["casualty groups"] = sum(1 for g in result.groups if g.kind == "casualty")
    return out


def fakes_event_metrics(store: Store) -> dict[str, dict[str, Any]]:
    """Rows for `workbench eval fakes`, in its format: {metric: {"all"|"even"|"odd": entry}}."""
    scores = event_scores(store)

    def ratio(s: PairScores, which: str) -> dict[str, Any]:
        of = s.predicted_pairs if which == "precision" else s.gold_pairs
        return {"value": getattr(s, which), "found": s.true_pairs, "of": of}

    rows: dict[str, dict[str, Any]] = {}
    for which in ("precision", "recall"):
        rows[f"event pair {which}"] = {
            "target": None,
            **{split: ratio(scores[split], which) for split in ("all", "even", "odd")},
        }
    rows["event pair F1"] = {
        "target": EVENT_F1_TARGET,
        **{split: {"value": scores[split].f1, "digits": 3} for split in ("all", "even", "odd")},
    }
    for part, label in (("dev", "development"), ("held-out", "held-out")):
        rows[f"event pair F1, {label} weeks"] = {
            "target": EVENT_F1_TARGET,
            "all": {"value": scores[part].f1, "digits": 3},
        }
    rows["events"] = {"target": None, "all": {"value": scores["events"]}}
    rows["casualty groups in conflict"] = {
        "target": None,
        "all": {
            "value": scores["casualty conflicts"] / max(1, scores["casualty groups"]),
            "found": scores["casualty conflicts"],
            "of": scores["casualty groups"],
        },
    }
    return rows
