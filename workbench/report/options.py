"""What a report is asked for (`ReportOptions`) and the one error type reports raise."""

from __future__ import annotations

from dataclasses import dataclass

from workbench.models import GROUP_STATUSES
from workbench.store import Store
from workbench.store.reports import Scope


class ReportError(Exception):
    """A report cannot be written; the message is one line for the user."""


@dataclass(frozen=True)
class ReportOptions:
    """What to put in a report. None means everything."""

    event_id: int | None = None
    reviewer: str | None = None
    status: str | None = None  # conflict, agree, update, single
    org: str | None = None  # the reviewing organisation (ClaimReview author)
    bom: bool = False  # CSV: start with a byte-order mark for spreadsheets
    generated_at: str | None = None  # fixed time for reproducible output (tests)


def scope_of(store: Store, options: ReportOptions) -> Scope:
    """The report's scope, checked against the database: unknown names are one-line errors."""
    if options.status is not None and options.status not in GROUP_STATUSES:
        raise ReportError(
            f"unknown group status {options.status!r} (expected {', '.join(GROUP_STATUSES)})"
        )
    if options.event_id is not None and not store.events(ids=[options.event_id]):
        raise ReportError(f"no event with id {options.event_id}")
    if options.reviewer is not None:
        known = store.reviewers()
        if options.reviewer not in known:
            listed = ", ".join(known) if known else "none has judged a claim yet"
            raise ReportError(f"no reviewer named {options.reviewer!r} (reviewers: {listed})")
    return Scope(event_id=options.event_id, status=options.status, reviewer=options.reviewer)
