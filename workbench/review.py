"""Recording verdicts: the one function the review UI and `workbench mark` both call.

A verdict is appended to the verdict history at once, in its own short transaction, with a
snapshot of the claim's quote and value. Nothing is ever updated or deleted: clearing a verdict and
undoing one append entries too.
"""

from __future__ import annotations

import getpass
import os
import sqlite3
import time
from datetime import UTC, datetime

from workbench.models import VERDICTS, Verdict
from workbench.store import Store, StoreError

CLEAR = "clear"
WRITE_ATTEMPTS = 5  # each waits up to the busy timeout; a verdict is never dropped in silence


class ReviewError(Exception):
    """A verdict cannot be recorded; the message is one line for the user."""


def default_reviewer(given: str | None = None) -> str:
    """The reviewer's name: as given, else WORKBENCH_REVIEWER, else the login name."""
    name = given or os.environ.get("WORKBENCH_REVIEWER")
    if not name:
        try:
            name = getpass.getuser()
        except (KeyError, OSError):
            name = "reviewer"
    name = " ".join(name.split())
    if not name:
        raise ReviewError("the reviewer name is empty")
    return name


def _timestamp() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def mark(
    store: Store,
    claim_id: int,
    verdict: str | None,
    reviewer: str,
    *,
    note: str | None = None,
) -> Verdict:
    """Record `reviewer`'s verdict on a claim (None or "clear" clears it); returns the entry.

    Committed before it returns. When the database stays locked through every attempt, raises
    ReviewError: the caller shows that the verdict was not saved.
    """
    if verdict == CLEAR:
        verdict = None
    if verdict is not None and verdict not in VERDICTS:
        raise ReviewError(f"unknown verdict {verdict!r} (expected {', '.join(VERDICTS)} or clear)")
    claim = store.get_claim(claim_id)
    if claim is None:
        raise ReviewError(f"no claim with id {claim_id}")
    entry = Verdict(
        claim_id=claim.id,
        fingerprint=claim.fingerprint,
        reviewer=reviewer,
        verdict=verdict,  # type: ignore[arg-type]
        note=note,
        at=_timestamp(),
        claim_quote=claim.quote,
        claim_value=claim.value_snapshot(),
    )
    for attempt in range(WRITE_ATTEMPTS):
        try:
            with store.transaction():
                entry.id = store.append_verdict(entry)
            return entry
        except (StoreError, sqlite3.OperationalError) as e:
            if "locked" not in str(e) and "busy" not in str(e):
                raise ReviewError(f"verdict on claim {claim_id} not saved: {e}") from e
            if attempt == WRITE_ATTEMPTS - 1:
                raise ReviewError(
                    f"verdict on claim {claim_id} not saved: the database stayed locked"
                ) from e
            time.sleep(0.05 * (attempt + 1))
    raise AssertionError("unreachable")
