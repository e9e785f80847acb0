"""Words the human-readable reports (Markdown, HTML) share, so both say the same thing."""

from __future__ import annotations

from collections.abc import Iterable

from workbench import __version__
from workbench.models import VERDICTS, Event
from workbench.report.agreement import Agreement, describe_kappa
from workbench.report.rows import Overview, SourceRef

TITLE = "Claim review report"
STATUS_NAMES: dict[str, str] = {
    "conflict": "Conflict",
    "update": "Rising toll",
    "agree": "Sources agree",
    "single": "Single source",
}
STATUS_HELP: dict[str, str] = {
    "conflict": "the sources give values that cannot all be true",
    "update": "later figures grow: updates, not a dispute",
    "agree": "the sources give compatible values",
    "single": "only one claim answers this question",
}


def generated_line(overview: Overview) -> str:
    """The one line that holds the generation time (everything else is the same each run)."""
    return f"Generated {overview.generated_at} by claim-workbench {__version__}."


def scope_line(overview: Overview, event_label: str | None) -> str | None:
    """What the report is narrowed to, or None for everything."""
    scope = overview.scope
    parts = []
    if scope.event_id is not None:
        parts.append(f"event {scope.event_id} ({event_label})")
    if scope.status is not None:
        parts.append(f"{STATUS_NAMES[scope.status].lower()} groups only")
    if scope.reviewer is not None:
        parts.append(f"verdicts of {scope.reviewer} only")
    return "Showing " + ", ".join(parts) + "." if parts else None


def plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else (many or word + 's')}"


def group_counts(counts: dict[str, int]) -> str:
    """ "4 (1 conflict, 1 agree, 2 single)" """
    total = sum(counts.values())
    inner = ", ".join(f"{n} {status}" for status, n in counts.items() if n)
    return f"{total} ({inner})" if inner else str(total)


def summary_items(overview: Overview) -> list[tuple[str, str]]:
    """(label, value) lines of the summary, in order."""
    o = overview
    conflicts = o.groups.get("conflict", 0)
    items = [
        ("Articles", str(o.articles)),
        ("Outlets", str(o.outlets)),
        ("Events", str(o.events)),
        ("Claim groups", group_counts(o.groups)),
        (
            "Claims",
            f"{o.claims}"
            + (f" ({o.ungrouped_claims} not in any group)" if o.ungrouped_claims else ""),
        ),
        (
            "Open conflicts",
            f"{o.open_conflicts} (of {plural(conflicts, 'conflict group')};"
            " open: a claim no reviewer has judged)",
        ),
        ("Reviewer disagreements", plural(o.agreement.disagreed, "claim")),
    ]
    if o.orphan_verdicts:
        items.append(
            (
                "Verdicts on claims no longer extracted",
                f"{o.orphan_verdicts} (kept in the history; not in this report)",
            )
        )
    return items


def percent(x: float | None) -> str:
    return "n/a" if x is None else f"{round(100 * x)}%"


def kappa_text(a: Agreement) -> str:
    return "n/a" if a.kappa is None else f"{a.kappa:.2f}"


def agreement_sentence(a: Agreement) -> str:
    """One sentence on agreement over a scope."""
    if not a.method:
        return (
            "No claim has been judged by two or more reviewers yet:"
            " there is no agreement to measure."
        )
    return (
        f"{a.label} {kappa_text(a)} ({describe_kappa(a.kappa)}) over"
        f" {plural(a.claims, 'claim')} judged by {len(a.reviewers)} reviewers"
        f" ({', '.join(a.reviewers)}): {a.agreed} agreed, {a.disagreed} disagreed,"
        f" observed agreement {percent(a.observed)}."
    )


def event_title(event: Event) -> str:
    return f"Event {event.id}: {event.label}"


def event_line(event: Event, status_counts: dict[str, int]) -> str:
    """Dates, places, articles and groups of an event, on one line."""
    dates = event.date_from or "undated"
    if event.date_to and event.date_to != event.date_from:
        dates += f" to {event.date_to}"
    parts = [dates]
    if event.places:
        parts.append(", ".join(event.places))
    parts.append(plural(len(event.article_ids), "article"))
    parts.append("groups: " + group_counts({s: status_counts.get(s, 0) for s in STATUS_NAMES}))
    return " · ".join(parts)


# -- tables both formats show: plain-text cells, escaped by the format; "#" marks a number column

Table = tuple[list[str], Iterable[list[str]]]


def verdict_table(o: Overview) -> Table:
    header = ["Reviewer", *(v.capitalize() + "#" for v in VERDICTS), "Total#"]
    return header, (
        [r, *(str(o.verdicts[r].get(v, 0)) for v in VERDICTS), str(o.verdict_total(r))]
        for r in o.reviewers
    )


def agreement_table(o: Overview) -> Table:
    header = ["Scope", "Method", "Reviewers", "Claims#", "Agreed#", "Observed#", "Kappa#", ""]
    scopes = [("All events", o.agreement)] + [(event_title(e), a) for e, a in o.event_agreement]
    return header, (
        [name, a.label, ", ".join(a.reviewers), str(a.claims), str(a.agreed),
         percent(a.observed), kappa_text(a), describe_kappa(a.kappa)]
        for name, a in scopes
    )  # fmt: skip


def pairs_table(o: Overview) -> Table:
    header = ["Reviewers", "Claims#", "Agreed#", "Observed#", "Kappa#", ""]
    return header, (
        [f"{x} and {y}", str(a.claims), str(a.agreed), percent(a.observed), kappa_text(a),
         describe_kappa(a.kappa)]
        for x, y, a in o.pairs
    )  # fmt: skip


def articles_table(articles: Iterable[SourceRef]) -> Table:
    header = ["Article#", "Outlet", "Date", "Title", "Address"]
    return header, (
        [str(a.id), a.outlet or "(no outlet)", a.published or "undated", a.title or "",
         a.url or ""]
        for a in articles
    )  # fmt: skip
