"""`align`: read articles and claims from the store, line them up, write the alignment back."""

from __future__ import annotations

import gc
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from workbench.align.agreement import Stances, group_status
from workbench.align.events import Likeness, find_events
from workbench.align.groups import group_claims
from workbench.align.origins import attribute, outlet_origins
from workbench.align.profiles import LEAD_CHARS, ArticleHead, profiles
from workbench.align.suggestions import suggest
from workbench.models import Claim, ClaimGroup, Event, Suggestion
from workbench.store import Store

DEFAULT_WINDOW_DAYS = 3


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
    """Events, groups and suggestions, computed but not yet stored."""

    events: list[Event] = field(default_factory=list)
    groups: list[ClaimGroup] = field(default_factory=list)
    suggestions: list[Suggestion] = field(default_factory=list)


def compute_alignment(
    heads: list[ArticleHead],
    claims: dict[int, list[Claim]],
    stored: dict[str, list[int]],
    *,
    window_days: int = DEFAULT_WINDOW_DAYS,
    how: Likeness | None = None,
) -> Alignment:
    """The whole alignment from articles and their claims (a pure function of its inputs)."""
    result = Alignment()
    outlets = outlet_origins(heads)
    found = find_events(profiles(heads, claims), stored, window_days=window_days, how=how)
    for event, members in found:
        result.events.append(event)
        sourced = attribute([m.head for m in members], claims, outlets)
        for draft in group_claims(sourced):
            stances = Stances(draft.members)
            suggestions = suggest(draft.members, stances)
            disputed = any(s.verdict == "disputed" for s in suggestions)
            result.groups.append(
                ClaimGroup(
                    key=draft.key(event.key),
                    event_key=event.key,
                    kind=draft.kind,  # type: ignore[arg-type]
                    label=draft.label,
                    status=group_status(draft.members, stances, disputed=disputed),  # type: ignore[arg-type]
                    claim_ids=sorted(s.claim_id for s in draft.members),
                )
            )
            result.suggestions.extend(suggestions)
    return result


def claims_by_article(store: Store) -> dict[int, list[Claim]]:
    """Every claim, by article id, each article's in text order."""
    claims: dict[int, list[Claim]] = {}
    for claim in store.claims_for_alignment():
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


def align(store: Store, *, window_days: int = DEFAULT_WINDOW_DAYS) -> AlignReport:
    """Align everything in the store and save it (events and groups keep their ids by key)."""
    with _collector_paused():
        return _align(store, window_days)


def _align(store: Store, window_days: int) -> AlignReport:
    started = time.perf_counter()
    heads = [ArticleHead(**row) for row in store.article_heads(LEAD_CHARS)]
    claims = claims_by_article(store)
    result = compute_alignment(heads, claims, store.event_members(), window_days=window_days)
    with store.transaction():
        changed = store.save_alignment(result.events, result.groups, result.suggestions)
    return AlignReport(
        articles=len(heads),
        aligned_articles=sum(len(e.article_ids) for e in result.events),
        claims=sum(len(c) for c in claims.values()),
        events=len(result.events),
        groups=len(result.groups),
        statuses=Counter(g.status for g in result.groups),
        suggestions=len(result.suggestions),
        verdicts=Counter(s.verdict for s in result.suggestions),
        status_changes=changed,
        seconds=time.perf_counter() - started,
    )
