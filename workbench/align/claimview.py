"""What alignment reads of a claim: `ClaimLike`, which a `Claim` is, and `ClaimView`, a light
read-only record of the same fields built straight from a stored row.

At 100k articles alignment reads over a million claims; validating each into a pydantic `Claim`
took a fifth of the run. The rows come from the store, which validated them when it wrote them.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, fields
from typing import Any, Protocol


class ClaimLike(Protocol):
    """The fields of a claim alignment reads (a `workbench.models.Claim` has them all)."""

    @property
    def id(self) -> int | None: ...
    @property
    def article_id(self) -> int | None: ...
    @property
    def kind(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def span_start(self) -> int | None: ...
    @property
    def speaker(self) -> str | None: ...
    @property
    def speaker_chain(self) -> list[str]: ...
    @property
    def negated(self) -> bool: ...
    @property
    def outcome(self) -> str | None: ...
    @property
    def subject(self) -> str | None: ...
    @property
    def subject_class(self) -> str | None: ...
    @property
    def low(self) -> int | None: ...
    @property
    def high(self) -> int | None: ...
    @property
    def approximate(self) -> bool | None: ...
    @property
    def canonical(self) -> str | None: ...
    @property
    def role(self) -> str | None: ...
    @property
    def count(self) -> int | None: ...
    @property
    def hypothetical(self) -> bool | None: ...
    @property
    def value(self) -> str | None: ...
    @property
    def parent(self) -> int | None: ...
    @property
    def parent_fingerprint(self) -> str | None: ...
    @property
    def rising(self) -> bool: ...


@dataclass(slots=True)
class ClaimView:
    """A stored claim's fields as alignment reads them (see `ClaimLike`). Treat it as read-only
    (its speaker chain may be shared with other claims); it is not frozen because a million are
    made per run and frozen ones take twice as long."""

    id: int | None
    article_id: int | None
    kind: str
    start: int
    span_start: int | None
    speaker: str | None
    speaker_chain: list[str]
    negated: bool
    outcome: str | None
    subject: str | None
    subject_class: str | None
    low: int | None
    high: int | None
    approximate: bool | None
    canonical: str | None
    role: str | None
    count: int | None
    hypothetical: bool | None
    value: str | None
    parent: int | None
    parent_fingerprint: str | None
    rising: bool

    @classmethod
    def from_row(cls, row: Sequence[Any], shared: dict[Any, Any] | None = None) -> ClaimView:
        """From a row of `COLUMNS` as SQLite stores them (JSON chain, 0/1 booleans).

        `shared`, kept across the rows of one read, makes equal strings and speaker chains one
        object each: a million claims name a few hundred speakers, places and weapons, and each
        row brings its own copies (at 100k articles: hundreds of MB)."""
        (cid, aid, kind, start, span, speaker, chain, negated, outcome, subject, klass, low, high,
         approx, canonical, role, count, hypo, value, parent, parent_fp, rising) = row  # fmt: skip
        memo: dict[Any, Any] = {} if shared is None else shared
        one = memo.setdefault
        chain_key = ("chain", chain)
        chain_list = memo.get(chain_key)
        if chain_list is None:
            chain_list = [one(s, s) for s in json.loads(chain)] if chain and chain != "[]" else []
            memo[chain_key] = chain_list
        return cls(
            cid,
            aid,
            one(kind, kind),
            start,
            span,
            None if speaker is None else one(speaker, speaker),
            chain_list,
            bool(negated),
            None if outcome is None else one(outcome, outcome),
            None if subject is None else one(subject, subject),
            None if klass is None else one(klass, klass),
            low,
            high,
            None if approx is None else bool(approx),
            None if canonical is None else one(canonical, canonical),
            None if role is None else one(role, role),
            count,
            None if hypo is None else bool(hypo),
            None if value is None else one(value, value),
            parent,
            parent_fp,
            bool(rising),
        )


# the columns `ClaimView.from_row` reads, in order (for the store's `claim_rows`)
COLUMNS: tuple[str, ...] = tuple(f.name for f in fields(ClaimView))
