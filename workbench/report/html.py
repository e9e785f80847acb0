"""The HTML report: one self-contained file, inline CSS, no script, nothing loaded from anywhere.

Every string from the database (article text, titles, outlets, speakers, notes, reviewer names)
goes through `h()` (html.escape with quote=True). Article links are plain <a href> and only for
http(s) urls; a Content-Security-Policy forbids scripts and any fetch, as a second guard.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from html import escape
from importlib import resources
from typing import TextIO

from workbench.models import VERDICTS
from workbench.report.chart import range_chart
from workbench.report.options import ReportOptions
from workbench.report.rows import (
    ClaimRow,
    Overview,
    SourceRef,
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
    group_counts,
    pairs_table,
    plural,
    scope_line,
    verdict_table,
)
from workbench.store import Store

CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'none'"


_MARKUP = re.compile("[&<>\"']")


def h(text: object) -> str:
    """Data as HTML text or attribute value: every markup character escaped."""
    if text is None:
        return ""
    text = str(text)
    # html.escape(quote=True); the search first because most strings need nothing
    return escape(text, quote=True) if _MARKUP.search(text) else text


def safe_url(url: str | None) -> str | None:
    """The url if it is a web address a reader may follow (never javascript: or data:)."""
    if url and url.strip().lower().startswith(("http://", "https://")):
        return url.strip()
    return None


def _css() -> str:
    return (resources.files("workbench.report") / "report.css").read_text(encoding="utf-8")


def _verdict(verdict: str, extra: str = "") -> str:
    badge = _BADGES.get((verdict, extra))
    return badge or f'<span class="verdict {h(verdict)}{h(extra)}">{h(verdict)}</span>'


# the badges of the three verdicts, made once (a large report shows hundreds of thousands)
_BADGES = {
    (v, extra): f'<span class="verdict {v}{extra}">{v}</span>'
    for v in VERDICTS
    for extra in ("", " suggested")
}


def _outlet(article: SourceRef) -> str:
    name = h(article.outlet or "(no outlet)")
    url = safe_url(article.url)
    return f'<a href="{h(url)}">{name}</a>' if url else name


def _table(
    out: TextIO, header: Sequence[str], rows: Iterable[Sequence[str]], cls: str = "small"
) -> None:
    """A table of cells already escaped; header cells ending in '#' are numeric."""

    def th(name: str) -> str:
        return f'<th class="num">{name[:-1]}</th>' if name.endswith("#") else f"<th>{name}</th>"

    def td(name: str, cell: str) -> str:
        return f'<td class="num">{cell}</td>' if name.endswith("#") else f"<td>{cell}</td>"

    out.write(f'<table class="{cls}"><thead><tr>{"".join(map(th, header))}</tr></thead><tbody>\n')
    for row in rows:
        out.write("<tr>" + "".join(td(n, c) for n, c in zip(header, row, strict=True)) + "</tr>\n")
    out.write("</tbody></table>\n")


def _plain(out: TextIO, table: Table, cls: str = "small") -> None:
    """A table of plain-text cells, escaped here."""
    header, rows = table
    _table(out, [h(c) for c in header], ([h(c) for c in row] for row in rows), cls)


def _summary(out: TextIO, o: Overview, event_label: str | None) -> None:
    out.write(f'<h1>{TITLE}</h1>\n<p class="generated">{h(generated_line(o))}</p>\n')
    scope = scope_line(o, event_label)
    if scope:
        out.write(f'<p class="scope">{h(scope)}</p>\n')
    conflicts = o.groups.get("conflict", 0)
    cards = [
        ("Articles", o.articles, f"from {plural(o.outlets, 'outlet')}", ""),
        ("Events", o.events, "", ""),
        ("Claim groups", o.group_total,
         ", ".join(f"{n} {s}" for s, n in o.groups.items()), ""),
        ("Claims", o.claims,
         f"{o.ungrouped_claims} not in any group" if o.ungrouped_claims else "", ""),
        ("Open conflicts", o.open_conflicts,
         f"of {plural(conflicts, 'conflict group')}: a claim nobody has judged",
         " alert" if o.open_conflicts else ""),
        ("Disagreements", o.agreement.disagreed, "claims the reviewers judge differently",
         " alert" if o.agreement.disagreed else ""),
    ]  # fmt: skip
    out.write('<section class="summary"><h2>Summary</h2>\n<div class="cards">\n')
    for what, n, detail, cls in cards:
        out.write(
            f'<div class="card{cls}"><span class="what">{what}</span><span class="n">{n}</span>'
            f'<span class="detail">{h(detail)}</span></div>\n'
        )
    out.write("</div>\n")
    if o.orphan_verdicts:
        out.write(
            f'<p class="meta">{o.orphan_verdicts} current verdicts are on claims no longer'
            " extracted: kept in the history, not in this report.</p>\n"
        )
    out.write("<h3>Verdicts per reviewer</h3>\n")
    if not o.reviewers:
        out.write('<p class="meta">No verdicts yet.</p>\n')
    else:
        _plain(out, verdict_table(o))
    out.write("</section>\n")


def _agreement(out: TextIO, store: Store, o: Overview) -> None:
    if o.scope.reviewer is not None:
        return
    a = o.agreement
    out.write('<section class="agreement"><h2>Agreement between reviewers</h2>\n')
    out.write(f"<p>{h(agreement_sentence(a))}</p>\n")
    if a.method:
        _plain(out, agreement_table(o))
        if o.pairs:
            out.write("<h3>Pairs of reviewers (Cohen's kappa)</h3>\n")
            _plain(out, pairs_table(o))
    if a.disagreed:
        out.write("<h3>Claims the reviewers disagree on</h3>\n")
        _table(
            out,
            ["Claim#", "Event#", "Group", "Outlet", "Value", *map(h, a.reviewers)],
            (
                [str(r.claim.id),
                 f'<a href="#event-{r.event_id}">{r.event_id}</a>' if r.event_id else "",
                 h(r.group.label if r.group else ""),
                 _outlet(r.article), h(value_text(r.claim)),
                 *(_verdict_cell(r, x) for x in a.reviewers)]
                for r in disputed_rows(store, o.scope, o.disputed)
            ),
            cls="disagreements",
        )  # fmt: skip
    out.write("</section>\n")


def _contents(out: TextIO, store: Store, o: Overview) -> None:
    """The events, each linking to its section, with its groups by status."""
    counts = store.event_group_counts(o.scope)
    events = store.events(ids=None if o.scope.event_id is None else [o.scope.event_id])
    listed = [e for e in events if o.scope.status is None or e.id in counts]
    if not listed:
        return
    out.write('<nav class="contents"><h3>Events</h3>\n<ul>\n')
    for e in listed:
        mine = counts.get(e.id or 0, {})
        groups = group_counts({s: mine.get(s, 0) for s in STATUS_NAMES})
        out.write(
            f'<li><a href="#event-{e.id}">{h(event_title(e))}</a>'
            f' <span class="meta">{h(e.date_from or "undated")} \u00b7 groups: {groups}'
            "</span></li>\n"
        )
    out.write("</ul></nav>\n")


def _verdict_cell(row: ClaimRow, reviewer: str) -> str:
    v = row.verdict_of(reviewer)
    if v is None:
        return '<span class="meta">\u2014</span>'
    note = f'<span class="note">{h(v.note.strip())}</span>' if v.note and v.note.strip() else ""
    return _verdict(v.verdict) + note


def _claims_table(out: TextIO, rows: Iterable[ClaimRow], reviewers: Sequence[str]) -> int:
    head = ["#", "Source", "Speaker chain", "Value", "Suggested", *map(h, reviewers)]
    out.write('<table class="claims"><thead><tr>')
    out.write("".join(f"<th>{c}</th>" for c in head) + "</tr></thead>\n")
    n = 0
    for r in rows:
        s = r.suggestion
        suggested = (
            _verdict(s.verdict, " suggested") + f'<span class="reason">{h(s.reason)}</span>'
            if s
            else ""
        )
        cells = [
            f'<td class="id">{r.claim.id}</td>',
            f'<td class="source">{_outlet(r.article)}<span class="reason">'
            f"{h(r.article.published or 'undated')}"
            "</span></td>",
            f'<td class="chain">{h(chain_text(r))}</td>',
            f'<td class="value">{h(value_text(r.claim))}</td>',
            f"<td>{suggested}</td>",
            *(f"<td>{_verdict_cell(r, x)}</td>" for x in reviewers),
        ]
        out.write(f'<tbody><tr class="claim">{"".join(cells)}</tr>\n')
        out.write(
            f'<tr><td></td><td class="quote" colspan="{len(head) - 1}">'
            f"<blockquote>{h(r.claim.quote)}</blockquote></td></tr></tbody>\n"
        )
        n += 1
    out.write("</table>\n")
    return n


def write_html(store: Store, out: TextIO, options: ReportOptions) -> int:
    """Write the HTML report; returns the number of claim rows written."""
    o = overview(store, options)
    label = None
    if o.scope.event_id is not None:
        label = store.events(ids=[o.scope.event_id])[0].label
    out.write(
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f"<title>{TITLE}</title>\n<style>\n{_css()}</style>\n</head>\n<body>\n"
    )
    _summary(out, o, label)
    _contents(out, store, o)
    _agreement(out, store, o)
    reviewers = o.reviewers
    n = 0
    for i, section in enumerate(iter_sections(store, o.scope)):
        e = section.event
        out.write(f'<section class="event{" first" if i == 0 else ""}" id="event-{e.id}">\n')
        out.write(f"<h2>{h(event_title(e))}</h2>\n")
        out.write(f'<p class="meta">{h(event_line(e, section.status_counts))}</p>\n')
        for g in section.groups:
            status = g.group.status
            out.write(f'<section class="group" id="group-{g.group.id}">\n<h3>')
            out.write(f'<span class="status {status}">{STATUS_NAMES[status]}</span>')
            out.write(f'{h(g.group.label)} <span class="kind">{h(g.group.kind)}</span></h3>\n')
            out.write(f'<p class="help">{STATUS_HELP[status]}</p>\n')
            out.write(range_chart(g.rows, f"{g.group.label}: the range each source gives"))
            n += _claims_table(out, g.rows, reviewers)
            out.write("</section>\n")
        out.write("</section>\n")
    ungrouped = store.iter_ungrouped_rows(o.scope)
    first = next(ungrouped, None)
    if first is not None:
        out.write('<section class="event ungrouped"><h2>Claims not in any group</h2>\n')
        out.write('<p class="help">Not aligned with other articles yet, or nothing to compare.</p>')
        n += _claims_table(out, (r for c in ([first], ungrouped) for r in c), reviewers)
        out.write("</section>\n")
    out.write('<section class="articles"><h2>Articles</h2>\n')
    _plain(out, articles_table(store.iter_report_articles(o.scope)), cls="articles")
    out.write("</section>\n")
    out.write("</body>\n</html>\n")
    return n
