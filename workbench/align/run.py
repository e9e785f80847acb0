"""`align`: read articles and claims from the store, line them up, write the alignment back."""

from __future__ import annotations

import gc
import multiprocessing as mp
import os
import time
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from workbench.align.agreement import Stances, group_status
from workbench.align.claimview import COLUMNS, ClaimLike, ClaimView
from workbench.align.events import Likeness, find_events
from workbench.align.groups import group_claims
from workbench.align.origins import Origin, attribute, outlet_origins
from workbench.align.profiles import LEAD_CHARS, ArticleHead, ArticleProfile, profiles
from workbench.align.suggestions import judge_group
from workbench.models import ClaimGroup, Event, Suggestion
from workbench.store import Store
from workbench.store.alignment import SuggestionRow

DEFAULT_WINDOW_DAYS = 3
POOL_MIN_EVENTS = 2000  # fewer events than this are judged in this process (a pool costs ~0.1 s)


@dataclass
class AlignReport:
    """What one alignment run found and wrote."""

    articles: int = 0
    aligned_articles: int = 0  # articles with claims, each in one event
    claims: int = 0
    events: int = 0
    groups: int = 0
    statuses: Counter[str] = field(default_factory=Counter)
    suggestions: int = 0
    verdicts: Counter[str] = field(default_factory=Counter)
    status_changes: int = 0  # groups found again whose status changed
    seconds: float = 0.0
    stage_seconds: dict[str, float] = field(default_factory=dict)  # read, align, save

    def summary(self) -> str:
        statuses = ", ".join(
            f"{self.statuses[s]} {s}" for s in ("conflict", "update", "agree", "single")
        )
        return (
            f"{self.aligned_articles} of {_n(self.articles, 'article')} in"
            f" {_n(self.events, 'event')}; {_n(self.groups, 'group')} ({statuses});"
            f" {_n(self.suggestions, 'suggestion')}; {_n(self.status_changes, 'status change')}"
            f" ({self.seconds:.1f} s)"
        )


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}{'s' * (count != 1)}"


@dataclass
class Alignment:
    """Events, groups and suggestions, computed but not yet stored. Suggestions are kept as
    rows (claim id, verdict, reason, origins); `suggestions` makes them models."""

    events: list[Event] = field(default_factory=list)
    groups: list[ClaimGroup] = field(default_factory=list)
    suggestion_rows: list[SuggestionRow] = field(default_factory=list)

    @property
    def suggestions(self) -> list[Suggestion]:
        return [
            Suggestion(claim_id=c, verdict=v, reason=r, origins=o)
            for c, v, r, o in self.suggestion_rows
        ]


def compute_alignment(
    heads: list[ArticleHead],
    claims: Mapping[int, Sequence[ClaimLike]],
    stored: dict[str, list[int]],
    *,
    window_days: int = DEFAULT_WINDOW_DAYS,
    how: Likeness | None = None,
    workers: int = 1,
    pool_min: int | None = None,
) -> Alignment:
    """The whole alignment from articles and their claims (a pure function of its inputs).

    Events are found in this process; their groups and suggestions are worked out by `workers`
    forked processes when there are `pool_min` events or more (POOL_MIN_EVENTS by default); the
    result is the same either way.
    """
    outlets = outlet_origins(heads)
    found = find_events(profiles(heads, claims), stored, window_days=window_days, how=how)
    result = Alignment(events=[event for event, _ in found])
    pool_min = POOL_MIN_EVENTS if pool_min is None else pool_min
    for event_groups, suggestions in _judge_all(found, claims, outlets, workers, pool_min):
        for key, (event_key, kind, label, status, claim_ids) in event_groups:
            result.groups.append(
                ClaimGroup(
                    key=key,
                    event_key=event_key,
                    kind=kind,
                    label=label,
                    status=status,
                    claim_ids=claim_ids,
                )
            )
        result.suggestion_rows.extend(suggestions)
    return result


# What one worker returns for a share of the events: the groups (key, (event key, kind, label,
# status, claim ids)) and the suggestions (claim id, verdict, reason, origins), as plain tuples.
GroupRow = tuple[str, tuple[str, Any, str, Any, list[int]]]
Share = tuple[list[GroupRow], list[SuggestionRow]]
_SHARED: tuple[Sequence[tuple[Event, list[ArticleProfile]]], Mapping[int, Sequence[ClaimLike]],
               Mapping[int, Origin]] | None = None  # fmt: skip


def _judge_events(
    found: Sequence[tuple[Event, list[ArticleProfile]]],
    claims: Mapping[int, Sequence[ClaimLike]],
    outlets: Mapping[int, Origin],
) -> Share:
    """Groups, statuses and suggestions of some events."""
    groups: list[GroupRow] = []
    rows: list[SuggestionRow] = []
    for event, members in found:
        sourced = attribute([m.head for m in members], claims, outlets)
        for draft in group_claims(sourced):
            stances = Stances(draft.members)
            judged = judge_group(draft.members, stances)
            disputed = any(verdict == "disputed" for _, verdict, _, _ in judged)
            status = group_status(draft.members, stances, disputed=disputed)
            ids = sorted(s.claim_id for s in draft.members)
            groups.append((draft.key(event.key), (event.key, draft.kind, draft.label, status, ids)))
            rows.extend(judged)
    return groups, rows


def _judge_share(share: tuple[int, int]) -> Share:
    """A worker's share of the events (inherited from the parent when the pool forked)."""
    assert _SHARED is not None
    found, claims, outlets = _SHARED
    return _judge_events(found[share[0] : share[1]], claims, outlets)


def _judge_all(
    found: Sequence[tuple[Event, list[ArticleProfile]]],
    claims: Mapping[int, Sequence[ClaimLike]],
    outlets: Mapping[int, Origin],
    workers: int,
    pool_min: int,
) -> list[Share]:
    """The events judged in this process, or in `workers` forked ones in event order."""
    if workers <= 1 or len(found) < pool_min or "fork" not in mp.get_all_start_methods():
        return [_judge_events(found, claims, outlets)]
    global _SHARED
    size = -(-len(found) // (workers * 4))  # a few shares each, so none waits on a slow one
    shares = [(i, min(i + size, len(found))) for i in range(0, len(found), size)]
    _SHARED = (found, claims, outlets)
    try:
        with mp.get_context("fork").Pool(workers) as pool:
            return list(pool.imap(_judge_share, shares))
    finally:
        _SHARED = None


def claims_by_article(store: Store) -> dict[int, list[ClaimLike]]:
    """Every claim, by article id, each article's in text order (as light `ClaimView`s)."""
    claims: dict[int, list[ClaimLike]] = {}
    for row in store.claim_rows(COLUMNS):
        claim = ClaimView.from_row(row)
        assert claim.article_id is not None
        claims.setdefault(claim.article_id, []).append(claim)
    for found in claims.values():
        found.sort(key=lambda c: (c.start, c.id or 0))
    return claims


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Alignment makes millions of small objects and no cycles: the cyclic garbage collector
    would only walk them again and again (a third of the run time at 10k articles)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def align(
    store: Store, *, window_days: int = DEFAULT_WINDOW_DAYS, workers: int | None = None
) -> AlignReport:
    """Align everything in the store and save it (events and groups keep their ids by key).

    `workers`: processes for the groups and suggestions of many events (default: one per CPU;
    fewer than POOL_MIN_EVENTS events stay in this process).
    """
    with _collector_paused():
        return _align(store, window_days, workers or os.cpu_count() or 1)


def _align(store: Store, window_days: int, workers: int) -> AlignReport:
    started = time.perf_counter()
    heads = [ArticleHead(**row) for row in store.article_heads(LEAD_CHARS)]
    claims = claims_by_article(store)
    stored = store.event_members()
    read = time.perf_counter()
    result = compute_alignment(heads, claims, stored, window_days=window_days, workers=workers)
    computed = time.perf_counter()
    with store.transaction():
        changed = store.save_alignment_rows(result.events, result.groups, result.suggestion_rows)
    saved = time.perf_counter()
    return AlignReport(
        articles=len(heads),
        aligned_articles=sum(len(e.article_ids) for e in result.events),
        claims=sum(len(c) for c in claims.values()),
        events=len(result.events),
        groups=len(result.groups),
        statuses=Counter(g.status for g in result.groups),
        suggestions=len(result.suggestion_rows),
        verdicts=Counter(verdict for _, verdict, _, _ in result.suggestion_rows),
        status_changes=changed,
        seconds=saved - started,
        stage_seconds={"read": read - started, "align": computed - read, "save": saved - computed},
    )
