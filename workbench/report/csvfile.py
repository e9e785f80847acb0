"""The CSV report: one row per claim (per group it is in), one verdict and note column per reviewer.

Cells that a spreadsheet would run as a formula (text starting with = + - @, a tab or a carriage
return) get a leading apostrophe, as OWASP advises for CSV injection: `=HYPERLINK(...)` in an
article arrives as the text `'=HYPERLINK(...)`. Numbers are written as numbers. With `bom` the file
starts with a UTF-8 byte-order mark, which Excel needs to read UTF-8.
"""

from __future__ import annotations

import csv
from itertools import chain
from typing import Any, TextIO

from workbench.models import VALUE_FIELDS
from workbench.report.options import ReportOptions, scope_of
from workbench.report.rows import ClaimRow, chain_text, value_text
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
_BOOL_COLUMNS = tuple(
    i
    for i, name in enumerate(CLAIM_COLUMNS)
    if name in ("approximate", "hypothetical", "negated", "rising")
)


def neutralise(value: Any) -> Any:
    """A cell value a spreadsheet shows as text: formulas get a leading apostrophe."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str) and value[:1] in _FORMULA:
        return "'" + value
    return value


_FORMULA = frozenset(FORMULA_START)


def _bool(value: bool | None) -> str | None:
    return None if value is None else ("true" if value else "false")


def verdict_columns(reviewer: str) -> tuple[str, str]:
    return f"verdict: {reviewer}", f"note: {reviewer}"


def _cells(row: ClaimRow, events: dict[int, str], reviewers: list[str]) -> list[Any]:
    """The row's cells; text still to be neutralised, None for empty (csv writes it as "")."""
    c, g, s = row.claim, row.group, row.suggestion
    cells = [
        row.event_id,
        events.get(row.event_id or 0),
        *((g.id, g.label, g.kind, g.status) if g else (None, None, None, None)),
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
        *((s.verdict, s.reason, LIST_SEPARATOR.join(s.origins)) if s else (None, None, None)),
    ]
    for reviewer in reviewers:
        v = row.verdict_of(reviewer)
        cells += (v.verdict, v.note) if v else (None, None)
    return cells


def write_csv(store: Store, out: TextIO, options: ReportOptions) -> int:
    """Write the CSV report; returns the number of rows (claims) written."""
    scope = scope_of(store, options)
    reviewers = store.report_reviewers(scope)
    events = {e.id: e.label for e in store.events() if e.id is not None}
    if options.bom:
        out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    header = [*CLAIM_COLUMNS, *(name for r in reviewers for name in verdict_columns(r))]
    writer.writerow([neutralise(name) for name in header])
    n = 0
    rows = chain(store.iter_report_rows(scope), store.iter_ungrouped_rows(scope))
    formula, bools = _FORMULA, _BOOL_COLUMNS
    for row in rows:
        cells = _cells(row, events, reviewers)
        for i in bools:
            cells[i] = _bool(cells[i])
        # the hot loop of a 100k-claim export: `neutralise` inlined for text cells
        writer.writerow(["'" + v if v.__class__ is str and v[:1] in formula else v for v in cells])
        n += 1
    return n
