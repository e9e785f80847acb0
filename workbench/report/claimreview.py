"""schema.org ClaimReview as JSON-LD: one `ClaimReview` per judged claim, for publishing.

Which verdict is published: the reviewers' consensus. A claim is published when every reviewer
who currently has a verdict on it gives the same one; a claim the reviewers disagree on is left
out (and counted for the user) until they settle it. With a reviewer named (`--reviewer`), that
reviewer's verdicts are published as they stand.

Rating scale (`reviewRating`): worstRating 1 = disputed, 2 = unverified, bestRating 3 =
corroborated; `alternateName` carries the verdict word. The review's `datePublished` is the date
of the latest verdict it publishes; its `author` is the organisation given (`--org`, or the
WORKBENCH_ORG environment variable; there is no default: a review is never published in the name
of an organisation nobody named).

The document is meant to be pasted into a web page inside `<script type="application/ld+json">`:
`<`, `>` and `&` in strings are written as \\u escapes, so an article quoting `</script>` cannot
end that element.
"""

from __future__ import annotations

import json
import os
import re
import tomllib
from collections.abc import Iterator
from functools import cache
from importlib import resources
from itertools import chain
from typing import Any, TextIO

from workbench.report.options import ReportError, ReportOptions, scope_of
from workbench.report.rows import ClaimRow, judgements
from workbench.store import Store
from workbench.store.reports import Scope

CONTEXT = "https://schema.org"
RATINGS: dict[str, int] = {"disputed": 1, "unverified": 2, "corroborated": 3}
WORST, BEST = 1, 3


@cache
def _person_words() -> frozenset[str]:
    data = tomllib.loads(
        (resources.files("workbench.report") / "speakers.toml").read_text(encoding="utf-8")
    )
    return frozenset(data["person_words"])


def author_type(origin: str) -> str:
    """ "Person" when the origin names one person ("Governor Samir Khoury"), else "Organization"."""
    words = re.findall(r"[\w.]+", origin.lower())
    return "Person" if any(w in _person_words() for w in words) else "Organization"


def published_verdict(row: ClaimRow) -> tuple[str, list[str], str] | None:
    """(verdict, notes, date) to publish for a claim, or None: unjudged, or reviewers disagree."""
    if not row.verdicts or len({v.verdict for v in row.verdicts}) != 1:
        return None
    notes = [v.note.strip() for v in row.verdicts if v.note and v.note.strip()]
    return row.verdicts[0].verdict, notes, max(v.at for v in row.verdicts)[:10]


def claim_review(row: ClaimRow, org: str) -> dict[str, Any] | None:
    """The ClaimReview of one claim row, or None when there is no verdict to publish."""
    published = published_verdict(row)
    if published is None:
        return None
    verdict, notes, date = published
    a = row.article
    appearance: dict[str, Any] = {"@type": "NewsArticle"}
    if a.url:
        appearance["url"] = a.url
    if a.title:
        appearance["headline"] = a.title
    if a.published:
        appearance["datePublished"] = a.published
    if a.outlet:
        appearance["publisher"] = {"@type": "Organization", "name": a.outlet}
    item: dict[str, Any] = {"@type": "Claim", "appearance": appearance}
    origin = row.claim.origin or a.outlet
    if origin:
        item["author"] = {"@type": author_type(origin), "name": origin}
    if a.published:
        item["datePublished"] = a.published
    rating: dict[str, Any] = {
        "@type": "Rating",
        "ratingValue": RATINGS[verdict],
        "bestRating": BEST,
        "worstRating": WORST,
        "alternateName": verdict,
    }
    if notes:
        rating["ratingExplanation"] = " / ".join(notes)
    return {
        "@type": "ClaimReview",
        "identifier": row.claim.fingerprint,
        "claimReviewed": row.claim.quote,
        "itemReviewed": item,
        "reviewRating": rating,
        "author": {"@type": "Organization", "name": org},
        "datePublished": date,
    }


def _dump(value: Any) -> str:
    """JSON safe to embed in an HTML script element (the characters only occur in strings)."""
    text = json.dumps(value, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _rows(store: Store, scope: Scope) -> Iterator[ClaimRow]:
    """Each claim in scope once, in report order."""
    seen: set[int] = set()
    for row in chain(store.iter_report_rows(scope), store.iter_ungrouped_rows(scope)):
        if row.claim.id not in seen:
            seen.add(row.claim.id or 0)
            yield row


def count_unpublished(store: Store, scope: Scope) -> int:
    """Claims left out because their reviewers disagree."""
    return len(judgements(store, scope).disputed)


def publisher(given: str | None) -> str:
    """The organisation publishing the reviews: as given, else WORKBENCH_ORG; never made up."""
    org = " ".join((given or os.environ.get("WORKBENCH_ORG") or "").split())
    if not org:
        raise ReportError(
            "ClaimReview needs --org NAME (or WORKBENCH_ORG): the organisation that publishes"
            " the reviews"
        )
    return org


def write_claimreview(store: Store, out: TextIO, options: ReportOptions) -> int:
    """Write the JSON-LD document; returns the number of ClaimReviews written."""
    org = publisher(options.org)
    scope = scope_of(store, options)
    out.write('{\n  "@context": ' + json.dumps(CONTEXT) + ',\n  "@graph": [')
    n = 0
    for row in _rows(store, scope):
        review = claim_review(row, org)
        if review is None:
            continue
        out.write(("\n    " if n == 0 else ",\n    ") + _dump(review))
        n += 1
    out.write("\n  ]\n}\n" if n else "]\n}\n")
    return n
