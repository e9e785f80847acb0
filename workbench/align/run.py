"""`align`: read articles and claims from the store, line them up, write the alignment back."""

from __future__ import annotations

import gc
import multiprocessing as mp
import os
import time
from collections import Counter, deque
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from multiprocessing.pool import Pool
from typing import cast

from workbench.align.agreement import Stances, group_status
from workbench.align.claimview import COLUMNS, ClaimLike, ClaimView
from workbench.align.events import Likeness, find_events
from workbench.align.groups import group_claims
from workbench.align.origins import Origin, attribute, outlet_origins
from workbench.align.profiles import LEAD_CHARS, ArticleHead, profiles
from workbench.align.suggestions import judge_group
from workbench.models import COMPARED_SCOPES, ClaimGroup, ClaimKind, Event, GroupStatus, Suggestion
from workbench.store import Store
from workbench.store.alignment import GroupRow, SuggestionRow

DEFAULT_WINDOW_DAYS = 3
POOL_MIN_ARTICLES = 5000  # fewer articles than this are judged in this process (forking the pool
# costs about 0.1 s; at 10,000 articles two workers take 4.1 s against 5.4 s for one)


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
    pool_min: int = POOL_MIN_ARTICLES,
) -> Alignment:
    """The whole alignment from articles and their claims (a pure function of its inputs).

    Events are found in this process; their groups and suggestions are worked out by `workers`
    forked processes when there are `pool_min` articles or more; the result is the same either
    way.
    """
    with judging(heads, claims, workers, pool_min) as judge:
        found = found_events(heads, claims, stored, window_days=window_days, how=how)
        result = Alignment(events=[event for event, _ in found])
        shares = list(judge.shares(found))
    for event_groups, suggestions in shares:
        for key, event_key, kind, label, status, claim_ids in event_groups:
            result.groups.append(
                ClaimGroup(
                    key=key,
                    event_key=event_key,
                    kind=cast(ClaimKind, kind),
                    label=label,
                    status=cast(GroupStatus, status),
                    claim_ids=list(claim_ids),
                )
            )
        result.suggestion_rows.extend(suggestions)
    return result


def found_events(
    heads: list[ArticleHead],
    claims: Mapping[int, Sequence[ClaimLike]],
    stored: dict[str, list[int]],
    *,
    window_days: int = DEFAULT_WINDOW_DAYS,
    how: Likeness | None = None,
) -> list[tuple[Event, list[ArticleHead]]]:
    """The events, each with its articles' heads (the profiles, a tenth of the memory at 100k
    articles, are only for finding them)."""
    return [
        (event, [member.head for member in members])
        for event, members in find_events(
            profiles(heads, claims), stored, window_days=window_days, how=how
        )
    ]


# What one share of the events gives: the groups (key, event key, kind, label, status, claim
# ids) and the suggestions (claim id, verdict, reason, origins), as plain tuples.
Share = tuple[list[GroupRow], list[SuggestionRow]]
# An event as its judges need it: its key and its articles' ids.
Plain = tuple[str, list[int]]
SHARE_EVENTS = 100  # at most this many events a share: a share's rows are held until written
_SHARED: tuple[Mapping[int, ArticleHead], Mapping[int, Sequence[ClaimLike]],
               Mapping[int, Origin]] | None = None  # fmt: skip


def _judge_events(
    found: Sequence[Plain],
    heads: Mapping[int, ArticleHead],
    claims: Mapping[int, Sequence[ClaimLike]],
    outlets: Mapping[int, Origin],
) -> Share:
    """Groups, statuses and suggestions of some events."""
    groups: list[GroupRow] = []
    rows: list[SuggestionRow] = []
    for event_key, article_ids in found:
        sourced = attribute([heads[i] for i in article_ids], claims, outlets)
        for draft in group_claims(sourced):
            stances = Stances(draft.members)
            judged = judge_group(draft.members, stances)
            disputed = any(verdict == "disputed" for _, verdict, _, _ in judged)
            status = group_status(draft.members, stances, disputed=disputed)
            ids = sorted(s.claim_id for s in draft.members)
            groups.append((draft.key(event_key), event_key, draft.kind, draft.label, status, ids))
            rows.extend(judged)
    return groups, rows


def _judge_share(share: list[Plain]) -> Share:
    """A worker's share of the events (heads, claims and outlets inherited from the parent)."""
    assert _SHARED is not None
    return _judge_events(share, *_SHARED)


class Judge:
    """Works out the groups and suggestions of events, here or in a pool of forked workers."""

    def __init__(
        self,
        heads: Mapping[int, ArticleHead],
        claims: Mapping[int, Sequence[ClaimLike]],
        outlets: Mapping[int, Origin],
        pool: Pool | None,
        workers: int,
    ) -> None:
        self.heads, self.claims, self.outlets = heads, claims, outlets
        self.pool = pool
        self.workers = workers

    def shares(self, found: Sequence[tuple[Event, list[ArticleHead]]]) -> Iterator[Share]:
        """The events judged a share at a time, in event order."""
        plain = [(event.key, [h.id for h in members]) for event, members in found]
        if self.pool is None:
            for i in range(0, len(plain), SHARE_EVENTS):
                yield _judge_events(
                    plain[i : i + SHARE_EVENTS], self.heads, self.claims, self.outlets
                )
            return
        # a few shares each, so none waits on a slow one, and none too large to hold
        size = max(1, min(SHARE_EVENTS, -(-len(plain) // (self.workers * 4))))
        todo = (plain[i : i + size] for i in range(0, len(plain), size))
        # at most two shares a worker under way or waiting: writing them is slower than working
        # them out, and shares done ahead of the writer would pile up in memory
        pool = self.pool
        running = deque(
            pool.apply_async(_judge_share, (s,)) for s in islice(todo, 2 * self.workers)
        )
        while running:
            share = running.popleft().get()
            for s in islice(todo, 1):
                running.append(pool.apply_async(_judge_share, (s,)))
            yield share


@contextmanager
def judging(
    heads: Sequence[ArticleHead],
    claims: Mapping[int, Sequence[ClaimLike]],
    workers: int,
    pool_min: int = POOL_MIN_ARTICLES,
) -> Iterator[Judge]:
    """A `Judge`: with `workers` processes when there are `pool_min` articles or more, forked
    now, before the events are found. Finding events makes and drops a great deal (the article
    profiles): workers forked after it would write into that freed memory and copy it, page by
    page (at 100k articles, 560 MB more each)."""
    by_id = {h.id: h for h in heads}
    outlets = outlet_origins(heads)
    if workers <= 1 or len(heads) < pool_min or "fork" not in mp.get_all_start_methods():
        yield Judge(by_id, claims, outlets, None, 1)
        return
    global _SHARED
    _SHARED = (by_id, claims, outlets)
    try:
        with mp.get_context("fork").Pool(workers) as pool:
            yield Judge(by_id, claims, outlets, pool, workers)
    finally:
        _SHARED = None


def claims_by_article(store: Store) -> dict[int, list[ClaimLike]]:
    """Every claim alignment compares (scope `incident`: not background, page clutter or
    another incident), by article id, each article's in text order (as light `ClaimView`s)."""
    claims: dict[int, list[ClaimLike]] = {}
    shared: dict[object, object] = {}
    for row in store.claim_rows(COLUMNS, COMPARED_SCOPES):
        claim = ClaimView.from_row(row, shared)
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
    store: Store,
    *,
    window_days: int = DEFAULT_WINDOW_DAYS,
    workers: int | None = None,
    pool_min: int = POOL_MIN_ARTICLES,
) -> AlignReport:
    """Align everything in the store and save it (events and groups keep their ids by key).

    `workers`: processes for the groups and suggestions of many events (default: one per CPU;
    fewer than `pool_min` articles stay in this process).
    """
    with _collector_paused():
        return _align(store, window_days, workers or os.cpu_count() or 1, pool_min)


def _align(store: Store, window_days: int, workers: int, pool_min: int) -> AlignReport:
    started = time.perf_counter()
    heads = [ArticleHead(**row) for row in store.article_heads(LEAD_CHARS)]
    claims = claims_by_article(store)
    stored = store.event_members()
    read = time.perf_counter()
    with judging(heads, claims, workers, pool_min) as judge:
        found = found_events(heads, claims, stored, window_days=window_days)
        report = AlignReport(
            articles=len(heads),
            aligned_articles=sum(len(members) for _, members in found),
            claims=sum(len(c) for c in claims.values()),
            events=len(found),
        )
        saving = 0.0
        with store.transaction(), store.alignment_writer([e for e, _ in found]) as writer:
            for groups, suggestions in judge.shares(found):
                began = time.perf_counter()
                writer.add(groups, suggestions)
                saving += time.perf_counter() - began
                report.groups += len(groups)
                report.statuses.update(status for _, _, _, _, status, _ in groups)
                report.suggestions += len(suggestions)
                report.verdicts.update(verdict for _, verdict, _, _ in suggestions)
            began = time.perf_counter()
            report.status_changes = writer.finish()
    done = time.perf_counter()
    saving += done - began
    report.seconds = done - started
    report.stage_seconds = {"read": read - started, "align": done - read - saving, "save": saving}
    return report
