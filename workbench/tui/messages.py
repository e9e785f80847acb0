"""Messages more than one screen cares about (small dataclasses, past tense)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from textual.message import Message


@dataclass
class ReportWritten(Message):
    """An export finished: `rows` rows written to `path`."""

    path: Path
    fmt: str
    rows: int
    notes: list[str] = field(default_factory=list)  # what the reviewer should know about it


@dataclass
class ReportFailed(Message):
    """An export could not be written; `reason` is one line."""

    path: Path
    reason: str


@dataclass(frozen=True)
class Target:
    """Where a search result leads: a claim (shown in its group) or a whole article."""

    claim_id: int | None = None
    article_id: int | None = None
