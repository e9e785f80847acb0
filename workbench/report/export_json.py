"""The JSON export (`schema: workbench-export/1`), written as a stream in a stable order.

A contract: outside checks and users' scripts read it. Fields are added, never renamed or dropped.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any, TextIO

from workbench import __version__
from workbench.models import Claim
from workbench.store import Store

SCHEMA = "workbench-export/1"
# Sections later stages fill; each is a list in the export.
SECTIONS = ("articles", "claims", "events", "groups", "suggestions", "verdicts")
ARTICLE_FIELDS = (
    "id",
    "external_id",
    "source",
    "title",
    "published",
    "url",
    "sha256",
    "text",
    "metadata",
)


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=False)


def article_rows(store: Store) -> Any:
    for article in store.iter_articles():
        row = {name: getattr(article, name) for name in ARTICLE_FIELDS}
        # additions to the contract (extend, never rename)
        row["published_at"] = article.published_at
        row["aliases"] = article.aliases
        row["shares_text_with"] = article.shares_text_with
        row["encoding"] = article.encoding
        row["file"] = article.file
        row["record"] = article.record
        yield row


def verdict_rows(store: Store) -> Any:
    """The whole verdict history in id order, each entry `claim_id, fingerprint, reviewer,
    verdict, note, at, claim_quote, claim_value`. A claim's current verdict for a reviewer is the
    latest entry (`verdict` null once cleared)."""
    for entry in store.iter_verdict_entries():
        yield entry.model_dump(exclude={"id"})


# The claim fields of the contract (issue 3), in order; then additions (extend, never rename).
CLAIM_FIELDS = (
    "kind",
    "subject",
    "subject_class",
    "outcome",
    "low",
    "high",
    "approximate",
    "canonical",
    "role",
    "count",
    "hypothetical",
    "value",
    "parent",
    "quote",
    "start",
    "end",
    "speaker",
    "speaker_chain",
    "hedges",
    "negated",
    "fingerprint",
)
CLAIM_ADDITIONS = ("span_start", "span_end", "rising")


def claim_row(claim: Claim) -> dict[str, Any]:
    """One claim as the export shows it: id, article_id, the contract fields, the additions."""
    row: dict[str, Any] = {"id": claim.id, "article_id": claim.article_id}
    for name in (*CLAIM_FIELDS, *CLAIM_ADDITIONS):
        row[name] = getattr(claim, name)
    return row


def claim_rows(store: Store) -> Any:
    """Every claim in id order, one at a time (the list is never built in memory)."""
    for claim in store.iter_claims(by_id=True):
        yield claim_row(claim)


def event_rows(store: Store) -> Any:
    for event in store.iter_events(by_id=True):
        yield {
            "id": event.id,
            "label": event.label,
            "date_from": event.date_from,
            "date_to": event.date_to,
            "places": event.places,
            "article_ids": event.article_ids,
            # additions to the contract (extend, never rename)
            "key": event.key,
        }


def group_rows(store: Store) -> Any:
    for group in store.iter_groups():
        yield {
            "id": group.id,
            "event_id": group.event_id,
            "kind": group.kind,
            "label": group.label,
            "status": group.status,
            "claim_ids": group.claim_ids,
            # additions to the contract (extend, never rename)
            "key": group.key,
            "status_changed_at": group.status_changed_at,
            "status_history": [
                {"status": status, "changed_at": at}
                for status, at in store.group_status_history(group.id or 0)
            ],
        }


def suggestion_rows(store: Store) -> Any:
    for s in store.iter_suggestions():
        yield {
            "claim_id": s.claim_id,
            "verdict": s.verdict,
            "reason": s.reason,
            "origins": s.origins,
        }


def write_json(store: Store, out: TextIO, *, generated_at: str | None = None) -> int:
    """Write the whole export to `out`; returns the number of articles written."""
    generated_at = generated_at or datetime.now(UTC).isoformat(timespec="seconds")
    out.write("{\n")
    out.write(f'  "schema": {_dump(SCHEMA)},\n')
    out.write(f'  "generated_at": {_dump(generated_at)},\n')
    out.write(f'  "tool_version": {_dump(__version__)},\n')
    count = 0
    rows_for = {
        "articles": article_rows(store),
        "claims": claim_rows(store),
        "events": event_rows(store),
        "groups": group_rows(store),
        "suggestions": suggestion_rows(store),
        "verdicts": verdict_rows(store),
    }
    for i, section in enumerate(SECTIONS):
        out.write(f'  "{section}": [')
        first = True
        for row in rows_for.get(section, ()):
            out.write("\n    " if first else ",\n    ")
            out.write(_dump(row))
            first = False
            count += section == "articles"
        out.write("\n  ]" if not first else "]")
        out.write(",\n" if i < len(SECTIONS) - 1 else "\n")
    out.write("}\n")
    return count
