"""The JSON export (`schema: workbench-export/1`), written as a stream in a stable order.

A contract: outside checks and users' scripts read it. Fields are added, never renamed or dropped.
`agreement` (added by the reports) holds agreement between reviewers and the claims they disagree
on; see `agreement_section`.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any, TextIO

from workbench import __version__
from workbench.models import VERDICTS, Claim
from workbench.report.agreement import Agreement, describe_kappa
from workbench.report.options import ReportOptions
from workbench.report.rows import disputed_rows, overview
from workbench.store import Store
from workbench.store.reports import Scope

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
CLAIM_ADDITIONS = ("span_start", "span_end", "rising", "scope")


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
    for section in SECTIONS:
        out.write(f'  "{section}": [')
        first = True
        for row in rows_for.get(section, ()):
            out.write("\n    " if first else ",\n    ")
            out.write(_dump(row))
            first = False
            count += section == "articles"
        out.write("\n  ]" if not first else "]")
        out.write(",\n")
    out.write('  "agreement": ')
    write_agreement(store, out)
    out.write("\n}\n")
    return count


def write_json_report(store: Store, out: TextIO, options: ReportOptions) -> int:
    """`write_json` as a report format (always the whole database)."""
    return write_json(store, out, generated_at=options.generated_at)


def _agreement(a: Agreement) -> dict[str, Any]:
    def num(x: float | None) -> float | None:
        return None if x is None else round(x, 4)

    return {
        "method": a.method or None,
        "reviewers": list(a.reviewers),
        "claims": a.claims,
        "agreed": a.agreed,
        "observed": num(a.observed),
        "expected": num(a.expected),
        "kappa": num(a.kappa),
        "interpretation": describe_kappa(a.kappa) if a.method else None,
    }


def write_agreement(store: Store, out: TextIO) -> None:
    """The `agreement` object: overall, per event, per pair of reviewers, then disagreements.

    Kappa is Cohen's for two reviewers and Fleiss' for more, over the claims judged by two or
    more reviewers (current verdicts, cleared ones left out).
    """
    view = overview(store, ReportOptions())
    out.write("{\n")
    out.write(f'    "categories": {_dump(list(VERDICTS))},\n')
    out.write(f'    "overall": {_dump(_agreement(view.agreement))},\n')
    events = [{"event_id": e.id, **_agreement(a)} for e, a in view.event_agreement]
    pairs = [_agreement(a) for _, _, a in view.pairs]
    for name, items in (("events", events), ("pairs", pairs)):
        out.write(f'    "{name}": [' + ",".join(f"\n      {_dump(i)}" for i in items))
        out.write("\n    ],\n" if items else "],\n")
    out.write('    "disagreements": [')
    first = True
    for row in disputed_rows(store, Scope(), view.disputed):
        item = {
            "claim_id": row.claim.id,
            "fingerprint": row.claim.fingerprint,
            "event_id": row.event_id,
            "group_id": row.group.id if row.group else None,
            "verdicts": {v.reviewer: v.verdict for v in row.verdicts},
        }
        out.write(("\n      " if first else ",\n      ") + _dump(item))
        first = False
    out.write("]\n  }" if first else "\n    ]\n  }")
