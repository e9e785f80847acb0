"""What every report reads: a summary, reviewer agreement, then claims per event and group.

Rows stream from the store in a stable order (events by date, groups with conflicts first,
claims by article date); one group's rows at a time are held in memory, never the whole report.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import groupby

from workbench.models import GROUP_STATUSES, VERDICTS, Claim, Event
from workbench.report.agreement import Agreement, AgreementTally
from workbench.report.options import ReportOptions, scope_of
from workbench.store import Store
from workbench.store.reports import ClaimRow, GroupRef, ReviewerVerdict, Scope, SourceRef

__all__ = [
    "ClaimRow",
    "EventSection",
    "GroupRef",
    "GroupSection",
    "Overview",
    "ReviewerVerdict",
    "SourceRef",
    "chain_text",
    "disputed_rows",
    "judgements",
    "iter_sections",
    "overview",
    "range_text",
    "value_text",
]


def generated_at(options: ReportOptions) -> str:
    return options.generated_at or datetime.now(UTC).isoformat(timespec="seconds")


# -- how values read -----------------------------------------------------------------------------


def range_text(low: int | None, high: int | None, approximate: bool | None = None) -> str:
    """A count interval in words: "62", "about 62", "38-40", "at least 45", "up to 49"."""
    if low is None and high is None:
        return "an unknown number"
    if low is not None and high is not None:
        text = str(low) if low == high else f"{low}\u2013{high}"
        return f"about {text}" if approximate else text
    if high is None:
        return f"at least {low}"
    return f"up to {high}"


def value_text(claim: Claim) -> str:
    """The claim's value for a reader: "at least 45 killed (civilians)", "2 x Su-24"."""
    if claim.kind == "casualty":
        text = f"{range_text(claim.low, claim.high, claim.approximate)} {claim.outcome or 'hit'}"
        if claim.subject:
            text += f" ({claim.subject})"
        if claim.rising:
            text += ", rising toll"
    elif claim.kind == "weapon":
        text = (f"{claim.count} \u00d7 " if claim.count else "") + (claim.canonical or "weapon")
    elif claim.kind == "actor":
        text = (claim.canonical or "someone") + (f" ({claim.role})" if claim.role else "")
    elif claim.kind == "intent":
        text = (claim.canonical or "intent") + (" (hypothetical)" if claim.hypothetical else "")
    else:  # place, time
        text = claim.value or claim.canonical or claim.kind
    return f"not: {text}" if claim.says_not else text


def chain_text(row: ClaimRow) -> str:
    """Who the claim comes from, outermost first: "Outlet > Agency > Its source"."""
    chain = list(row.claim.speaker_chain) or [row.claim.speaker or row.article.outlet or "?"]
    return " \u203a ".join(chain)


# -- claims per event and group ------------------------------------------------------------------


@dataclass(frozen=True)
class GroupSection:
    group: GroupRef
    rows: list[ClaimRow]  # one group's claims: small, bounded by the event's articles


@dataclass
class EventSection:
    event: Event
    status_counts: dict[str, int]
    groups: Iterator[GroupSection]


class _Peekable:
    def __init__(self, rows: Iterator[ClaimRow]) -> None:
        self._rows = rows
        self._next: ClaimRow | None = next(rows, None)

    def peek(self) -> ClaimRow | None:
        return self._next

    def pop(self) -> ClaimRow:
        assert self._next is not None
        row, self._next = self._next, next(self._rows, None)
        return row


def _groups(rows: _Peekable, event_id: int | None) -> Iterator[GroupSection]:
    while (row := rows.peek()) is not None and row.event_id == event_id:
        group = row.group
        assert group is not None
        members = []
        while (row := rows.peek()) is not None and row.group == group:
            members.append(rows.pop())
        yield GroupSection(group, members)


def iter_sections(store: Store, scope: Scope) -> Iterator[EventSection]:
    """Each event in scope (by date) with its groups (conflicts first), streamed."""
    rows = _Peekable(store.iter_report_rows(scope))
    counts = store.event_group_counts(scope)
    events = store.events(ids=None if scope.event_id is None else [scope.event_id])
    for event in events:
        if scope.status is not None and event.id not in counts:
            continue
        groups = _groups(rows, event.id)
        yield EventSection(event, counts.get(event.id or 0, {}), groups)
        for _ in groups:  # whatever the caller left unread
            pass


def disputed_rows(store: Store, scope: Scope, claim_ids: Sequence[int]) -> Iterator[ClaimRow]:
    """The rows of claims `claim_ids` (those the reviewers disagree on), each once, in report
    order."""
    seen: set[int] = set()
    for rows in (
        store.iter_report_rows(scope, claim_ids=claim_ids),
        store.iter_ungrouped_rows(scope, claim_ids=claim_ids),
    ):
        for row in rows:
            if row.claim.id not in seen:
                seen.add(row.claim.id or 0)
                yield row


# -- the summary ---------------------------------------------------------------------------------


@dataclass
class Overview:
    """The counts a report opens with, and agreement between reviewers."""

    scope: Scope
    generated_at: str
    articles: int
    outlets: int
    events: int
    groups: dict[str, int]  # by status, in GROUP_STATUSES order
    claims: int
    ungrouped_claims: int
    verdicts: dict[str, dict[str, int]]  # reviewer -> verdict -> claims
    open_conflicts: int
    orphan_verdicts: int  # current verdicts on claims no longer extracted
    agreement: Agreement
    event_agreement: list[tuple[Event, Agreement]] = field(default_factory=list)
    pairs: list[tuple[str, str, Agreement]] = field(default_factory=list)
    disputed: list[int] = field(default_factory=list)  # claim ids reviewers disagree on

    @property
    def reviewers(self) -> list[str]:
        """Reviewers with a verdict on a claim in scope, by name: one report column each."""
        return sorted(self.verdicts)

    @property
    def group_total(self) -> int:
        return sum(self.groups.values())

    def verdict_total(self, reviewer: str) -> int:
        return sum(self.verdicts.get(reviewer, {}).values())


@dataclass
class Judgements:
    """What one pass over the current verdicts in scope gives."""

    verdicts: dict[str, Counter[str]] = field(default_factory=dict)  # reviewer -> verdict -> n
    overall: AgreementTally = field(default_factory=AgreementTally)
    per_event: dict[int, AgreementTally] = field(default_factory=dict)
    disputed: list[int] = field(default_factory=list)  # claim ids the reviewers disagree on


def judgements(store: Store, scope: Scope) -> Judgements:
    """Verdict counts per reviewer, agreement (overall and per event) and the claims reviewers
    disagree on, from the current verdicts in scope (claim by claim, never all at once)."""
    result = Judgements()
    for (claim_id, event_id), judged in groupby(
        store.iter_judgements(scope), key=lambda j: (j[0], j[1])
    ):
        by_reviewer = {reviewer: verdict for _, _, reviewer, verdict in judged}
        for reviewer, verdict in by_reviewer.items():
            result.verdicts.setdefault(reviewer, Counter())[verdict] += 1
        if len(by_reviewer) < 2:
            continue
        result.overall.add(by_reviewer)
        if event_id is not None:
            result.per_event.setdefault(event_id, AgreementTally()).add(by_reviewer)
        if len(set(by_reviewer.values())) > 1:
            result.disputed.append(claim_id)
    return result


def overview(store: Store, options: ReportOptions) -> Overview:
    """Check the options against the database and count what the report will show."""
    scope = scope_of(store, options)
    counts = store.report_counts(scope)
    judged = judgements(store, scope)
    # one reviewer's report has nobody to agree with
    overall = judged.overall if scope.reviewer is None else AgreementTally()
    per_event = judged.per_event if scope.reviewer is None else {}
    events = store.events(ids=sorted(per_event)) if per_event else []
    return Overview(
        scope=scope,
        generated_at=generated_at(options),
        articles=counts["articles"],
        outlets=counts["outlets"],
        events=counts["events"],
        groups={s: counts["groups"][s] for s in GROUP_STATUSES if s in counts["groups"]},
        claims=counts["claims"],
        ungrouped_claims=counts["ungrouped_claims"],
        verdicts={
            r: {v: n[v] for v in VERDICTS if v in n} for r, n in sorted(judged.verdicts.items())
        },
        open_conflicts=counts["open_conflicts"],
        orphan_verdicts=counts["orphan_verdicts"],
        agreement=overall.result(),
        event_agreement=[(e, per_event[e.id].result()) for e in events if e.id in per_event],
        pairs=overall.pairwise() if len(overall.reviewers) > 2 else [],
        disputed=judged.disputed if scope.reviewer is None else [],
    )
