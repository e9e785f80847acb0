"""One reviewer's session: recording verdicts through `workbench.review.mark`, and undoing them.

Every change appends to the verdict history. Undo appends an entry that restores what the
reviewer's previous entry said (or clears the verdict when there was none); it never deletes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from workbench.models import Verdict
from workbench.review import mark
from workbench.store import Store
from workbench.tui.data import StoreThread


class _Keep:
    def __repr__(self) -> str:
        return "KEEP"


KEEP: Final = _Keep()  # leave the verdict (or the note) as the reviewer's latest entry has it


@dataclass(frozen=True)
class Change:
    """A verdict change that was committed: the entry written and the one it replaced."""

    claim_id: int
    before: Verdict | None
    after: Verdict


def _record(
    store: Store,
    claim_id: int,
    reviewer: str,
    verdict: str | None | _Keep,
    note: str | None | _Keep,
) -> Change:
    claim = store.get_claim(claim_id)
    before = store.current_verdict(claim.fingerprint, reviewer) if claim is not None else None
    if isinstance(verdict, _Keep):
        verdict = before.verdict if before is not None else None
    if isinstance(note, _Keep):
        note = before.note if before is not None else None
    after = mark(store, claim_id, verdict, reviewer, note=note)
    return Change(claim_id, before, after)


class ReviewSession:
    """Records one reviewer's verdicts in the store thread and remembers them for undo."""

    def __init__(self, data: StoreThread, reviewer: str) -> None:
        self.data = data
        self.reviewer = reviewer
        self.changes: list[Change] = []

    async def record(
        self,
        claim_id: int,
        verdict: str | None | _Keep = KEEP,
        *,
        note: str | None | _Keep = KEEP,
    ) -> Change:
        """Append the reviewer's new entry for the claim; committed when this returns.

        The note is kept from the previous entry unless one is given. Raises ReviewError when
        the verdict could not be saved.
        """
        change = await self.data.run(lambda s: _record(s, claim_id, self.reviewer, verdict, note))
        self.changes.append(change)
        return change

    @property
    def can_undo(self) -> bool:
        return bool(self.changes)

    async def undo(self) -> Change | None:
        """Append an entry restoring the state before the last change of this session."""
        if not self.changes:
            return None
        last = self.changes[-1]
        before = last.before
        verdict = before.verdict if before is not None else None
        note = before.note if before is not None else None
        change = await self.data.run(
            lambda s: _record(s, last.claim_id, self.reviewer, verdict, note)
        )
        self.changes.pop()
        return change
