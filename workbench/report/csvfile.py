"""The CSV report: one row per claim (per group it is in), one verdict and note column per reviewer.

Cells that a spreadsheet would run as a formula (text starting with = + - @, a tab or a carriage
return) get a leading apostrophe, as OWASP advises for CSV injection: `=HYPERLINK(...)` in an
article arrives as the text `'=HYPERLINK(...)`. Numbers are written as numbers. With `bom` the file
starts with a UTF-8 byte-order mark, which Excel needs to read UTF-8.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from itertools import chain
from typing import Any, TextIO

from workbench.models import VALUE_FIELDS
from workbench.report.options import ReportOptions
from workbench.report.rows import ClaimRow, chain_text, overview, value_text
from workbench.store import Store

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
CLAIM_COLUMNS: tuple[str, ...] = (
    "event_id",
    "event",
    "group_id",
    "group",
    "group_kind",
    "group_status",
    "claim_id",
    "kind",
    "article_id",
    "outlet",
    "published",
    "url",
    "speaker",
    "speaker_chain",
    "value_text",
    *VALUE_FIELDS,
    "rising",
    "hedges",
    "quote",
    "start",
    "end",
    "fingerprint",
    "suggestion",
    "suggestion_reason",
    "suggestion_origins",
)
LIST_SEPARATOR = "; "


def neutralise(value: Any) -> Any:
    """A cell value a spreadsheet shows as text: formulas get a leading apostrophe."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def verdict_columns(reviewer: str) -> tuple[str, str]:
    return f"verdict: {reviewer}", f"note: {reviewer}"


def _cells(row: ClaimRow, events: dict[int, str], reviewers: list[str]) -> Iterator[Any]:
    c, g, s = row.claim, row.group, row.suggestion
    yield from (
        row.event_id,
        events.get(row.event_id or 0),
        g.id if g else None,
        g.label if g else None,
        g.kind if g else None,
        g.status if g else None,
        c.id,
        c.kind,
        row.article.id,
        row.article.outlet,
        row.article.published,
        row.article.url,
        c.speaker,
        chain_text(row),
        value_text(c),
        *(getattr(c, name) for name in VALUE_FIELDS),
        c.rising,
        LIST_SEPARATOR.join(c.hedges),
        c.quote,
        c.start,
        c.end,
        c.fingerprint,
        s.verdict if s else None,
        s.reason if s else None,
        LIST_SEPARATOR.join(s.origins) if s else None,
    )
    for reviewer in reviewers:
        v = row.verdict_of(reviewer)
        yield from (v.verdict, v.note) if v else (None, None)


def write_csv(store: Store, out: TextIO, options: ReportOptions) -> int:
    """Write the CSV report; returns the number of rows (claims) written."""
    o = overview(store, options)
    reviewers = o.reviewers
    events = {e.id: e.label for e in store.events() if e.id is not None}
    if options.bom:
        out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    header = [*CLAIM_COLUMNS, *(name for r in reviewers for name in verdict_columns(r))]
    writer.writerow([neutralise(name) for name in header])
    n = 0
    rows = chain(store.iter_report_rows(o.scope), store.iter_ungrouped_rows(o.scope))
    for row in rows:
        writer.writerow([neutralise(v) for v in _cells(row, events, reviewers)])
        n += 1
    return n
