"""The Markdown report: a summary, agreement between reviewers, then each event's claim groups.

Data is escaped for Markdown: table pipes and every character that could start markup
(`\\ ` * _ [ ] < > ~ & |`) get a backslash, line breaks become spaces. An article holding
`<script>` or `[link](javascript:...)` shows as those characters, never as HTML or a link.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TextIO

from workbench.report.options import ReportOptions
from workbench.report.rows import (
    ClaimRow,
    Overview,
    chain_text,
    disputed_rows,
    iter_sections,
    overview,
    value_text,
)
from workbench.report.wording import (
    STATUS_HELP,
    STATUS_NAMES,
    TITLE,
    Table,
    agreement_sentence,
    agreement_table,
    articles_table,
    event_line,
    event_title,
    generated_line,
    pairs_table,
    scope_line,
    summary_items,
    verdict_table,
)
from workbench.store import Store

_ESCAPES = str.maketrans({c: "\\" + c for c in "\\`*_[]<>~&|"})
_SPECIAL = re.compile(r"[\\`*_\[\]<>~&|]")


def md(text: object) -> str:
    """Data as literal Markdown text: one line, markup characters backslash-escaped."""
    if text is None:
        return ""
    line = " ".join(str(text).split())
    return line.translate(_ESCAPES) if _SPECIAL.search(line) else line


def _table(out: TextIO, header: Sequence[str], rows: Iterable[Sequence[str]]) -> int:
    """Write a table (cells already escaped); returns the number of rows."""
    out.write("| " + " | ".join(h.removesuffix("#") for h in header) + " |\n")
    out.write("|" + "|".join("---:" if h.endswith("#") else "---" for h in header) + "|\n")
    n = 0
    for row in rows:
        out.write("| " + " | ".join(row) + " |\n")
        n += 1
    return n


def _plain(out: TextIO, table: Table) -> None:
    """A table of plain-text cells, escaped here; "#" marks a number column."""
    header, rows = table
    _table(out, [md(h.removesuffix("#")) + "#" * h.endswith("#") for h in header],
           ([md(c) for c in row] for row in rows))  # fmt: skip


def _verdict_cell(row: ClaimRow, reviewer: str) -> str:
    v = row.verdict_of(reviewer)
    if v is None:
        return ""
    return f"**{v.verdict}**" + (f" — {md(v.note)}" if v.note and v.note.strip() else "")


def _suggestion_cell(row: ClaimRow) -> str:
    s = row.suggestion
    return "" if s is None else f"{s.verdict} — {md(s.reason)}"


def _claim_cells(row: ClaimRow, reviewers: Sequence[str]) -> list[str]:
    return [
        str(row.claim.id),
        md(row.article.outlet or "(no outlet)"),
        md(row.article.published or "undated"),
        md(chain_text(row)),
        md(value_text(row.claim)),
        _suggestion_cell(row),
        *(_verdict_cell(row, r) for r in reviewers),
        f"“{md(row.claim.quote)}”",
    ]


def _claim_header(reviewers: Sequence[str]) -> list[str]:
    return ["Claim#", "Outlet", "Date", "Speaker chain", "Value", "Suggested"] + [
        md(r) for r in reviewers
    ] + ["Quote"]  # fmt: skip


def _summary(out: TextIO, o: Overview, event_label: str | None) -> None:
    out.write(f"# {TITLE}\n\n{generated_line(o)}\n")
    scope = scope_line(o, event_label)
    if scope:
        out.write(f"{md(scope)}\n")
    out.write("\n## Summary\n\n")
    _plain(out, (["", "Count"], ([label, value] for label, value in summary_items(o))))
    out.write("\n### Verdicts per reviewer\n\n")
    if not o.reviewers:
        out.write("No verdicts yet.\n")
    else:
        _plain(out, verdict_table(o))


def _agreement(out: TextIO, store: Store, o: Overview) -> None:
    if o.scope.reviewer is not None:
        return
    out.write("\n## Agreement between reviewers\n\n")
    out.write(md(agreement_sentence(o.agreement)) + "\n")
    if not o.agreement.method:
        return
    out.write("\n")
    _plain(out, agreement_table(o))
    if o.pairs:
        out.write("\nPairs of reviewers (Cohen's kappa):\n\n")
        _plain(out, pairs_table(o))
    if not o.agreement.disagreed:
        return
    out.write("\n### Claims the reviewers disagree on\n\n")
    reviewers = o.agreement.reviewers
    _table(
        out,
        ["Claim#", "Event#", "Group", "Outlet", "Value", *map(md, reviewers)],
        (
            [str(r.claim.id), str(r.event_id or ""), md(r.group.label if r.group else ""),
             md(r.article.outlet), md(value_text(r.claim)),
             *(_verdict_cell(r, x) for x in reviewers)]
            for r in disputed_rows(store, o.scope, o.disputed)
        ),
    )  # fmt: skip


def write_markdown(store: Store, out: TextIO, options: ReportOptions) -> int:
    """Write the Markdown report; returns the number of claim rows written."""
    o = overview(store, options)
    events = {e.id: e for e in store.events(ids=[o.scope.event_id])} if o.scope.event_id else {}
    label = events[o.scope.event_id].label if o.scope.event_id in events else None
    _summary(out, o, label)
    _agreement(out, store, o)
    reviewers = o.reviewers
    n = 0
    for section in iter_sections(store, o.scope):
        out.write(f"\n## {md(event_title(section.event))}\n\n")
        out.write(md(event_line(section.event, section.status_counts)) + "\n")
        for g in section.groups:
            status = g.group.status
            out.write(f"\n### {STATUS_NAMES[status]}: {md(g.group.label)} ({g.group.kind})\n\n")
            out.write(f"_{STATUS_HELP[status]}._\n\n")
            n += _table(out, _claim_header(reviewers), (_claim_cells(r, reviewers) for r in g.rows))
    ungrouped = store.iter_ungrouped_rows(o.scope)
    first = next(ungrouped, None)
    if first is not None:
        out.write("\n## Claims not in any group\n\n")
        out.write("Not aligned with other articles yet (run alignment), or nothing to compare.\n\n")
        rows = (r for chunk in ([first], ungrouped) for r in chunk)
        n += _table(
            out,
            ["Event#", *_claim_header(reviewers)],
            ([str(r.event_id or ""), *_claim_cells(r, reviewers)] for r in rows),
        )
    out.write("\n## Articles\n\n")
    _plain(out, articles_table(store.iter_report_articles(o.scope)))
    return n
