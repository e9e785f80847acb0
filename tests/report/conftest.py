"""One small review database for the report tests, built through the real store.

Four invented articles about two incidents, claims whose quotes slice the stored text, events,
groups and suggestions saved as alignment saves them, and verdicts by three reviewers recorded
with `review.mark`. One outlet, one article and some notes are hostile: HTML, Markdown and
spreadsheet formulas that every report must show as plain text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from workbench.ingest import ingest_paths
from workbench.models import Claim, ClaimGroup, Event, Suggestion
from workbench.review import mark
from workbench.store import Store

GENERATED_AT = "2024-05-01T12:00:00+00:00"
HOSTILE_OUTLET = 'Bad <script>alert(1)</script> & "Co" </td> [bold]'
HOSTILE_NOTE = '=HYPERLINK("http://evil.example/x","click") | <img src=x onerror=alert(2)>'
REVIEWERS = ("alice", "bob", "carol <c&d>")

ARTICLES: dict[str, str] = {
    "levant.txt": (
        "date 2016-03-12\nsource Levant Wire\nurl https://levant.example/strike\n"
        "Market strike in Tell Hamra\n\n"
        "Warplanes struck the market in Tell Hamra on Saturday. At least 18 civilians were"
        " killed, the Syrian Monitor said. Residents said two Su-24 jets carried out the"
        " raid.\n"
    ),
    "courier.txt": (
        "date 2016-03-13\nsource Gulf Courier\nurl https://courier.example/toll\n"
        "Toll rises in Tell Hamra\n\n"
        "The death toll from the strike on Tell Hamra rose to 27, the Syrian Monitor said."
        " The Defence Ministry said 5 militants were killed and denied hitting the market.\n"
    ),
    "hostile.txt": (
        f"date 2016-03-13\nsource {HOSTILE_OUTLET}\nurl javascript:alert(1)\n"
        "Claims </td> & more\n\n"
        "<script>alert(1)</script> A source said 40 | 41 people were killed\nin the"
        ' "market" & nearby [bold]streets[/bold] </td>. =HYPERLINK("http://evil.example")'
        " said two Su-24 jets came back.\n"
    ),
    "bomb.txt": (
        "date 2016-07-04\nsource Levant Wire\nurl https://levant.example/bomb\n"
        "Car bomb in Nahr al-Ward\n\n"
        "A car bomb killed 12 people at the bus station in Nahr al-Ward, the governor said."
        " The blast happened in Nahr al-Ward province.\n"
    ),
}


@dataclass
class ReportDb:
    """The built database and the ids the tests need."""

    path: Path
    store: Store
    articles: dict[str, int]  # file name -> article id
    claims: dict[str, int]  # name -> claim id
    events: dict[str, int]  # key -> event id
    groups: dict[str, int]  # key -> group id


def _claim(text: str, name: str, opening: str, **fields: Any) -> Claim:
    """A claim quoting the sentence of `text` that starts with `opening`, to its full stop."""
    start = text.index(opening)
    stop = re.compile(r"\.(\s|$)").search(text, start)
    assert stop is not None
    end = stop.start() + 1
    return Claim(quote=text[start:end], start=start, end=end, fingerprint=f"fp-{name}", **fields)


def build(store: Store, folder: Path) -> ReportDb:
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in ARTICLES.items():
        (folder / name).write_text(content, encoding="utf-8")
    ingest_paths(store, [folder / name for name in ARTICLES])
    ids = {Path(a["external_id"]).name: a["id"] for a in store.find_articles()}
    texts = {a.id: a.text for a in store.iter_articles()}

    def t(name: str) -> str:
        return texts[ids[name]]

    lev, cou, hos, bom = (t(n) for n in ("levant.txt", "courier.txt", "hostile.txt", "bomb.txt"))
    monitor = ["Syrian Monitor"]
    plan: dict[str, list[tuple[str, Claim]]] = {
        "levant.txt": [
            (
                "lev-killed",
                _claim(
                    lev,
                    "lev-killed",
                    "At least 18",
                    kind="casualty",
                    outcome="killed",
                    subject="civilians",
                    subject_class="civilian",
                    low=18,
                    hedges=["at least"],
                    speaker="Syrian Monitor",
                    speaker_chain=["Levant Wire", *monitor],
                ),
            ),
            (
                "lev-jets",
                _claim(
                    lev,
                    "lev-jets",
                    "Residents said",
                    kind="weapon",
                    canonical="Su-24",
                    count=2,
                    speaker="residents",
                    speaker_chain=["Levant Wire", "residents"],
                ),
            ),
        ],
        "courier.txt": [
            (
                "cou-killed",
                _claim(
                    cou,
                    "cou-killed",
                    "The death toll",
                    kind="casualty",
                    outcome="killed",
                    subject="people",
                    low=27,
                    high=27,
                    rising=True,
                    speaker="Syrian Monitor",
                    speaker_chain=["Gulf Courier", *monitor],
                ),
            ),
            (
                "cou-militants",
                _claim(
                    cou,
                    "cou-militants",
                    "The Defence Ministry said",
                    kind="casualty",
                    outcome="killed",
                    subject="militants",
                    subject_class="armed-group",
                    low=5,
                    high=5,
                    speaker="Defence Ministry",
                    speaker_chain=["Gulf Courier", "Defence Ministry"],
                ),
            ),
        ],
        "hostile.txt": [
            (
                "hos-killed",
                _claim(
                    hos,
                    "hos-killed",
                    "A source said",
                    kind="casualty",
                    outcome="killed",
                    subject="people",
                    low=40,
                    high=41,
                    approximate=True,
                    speaker="a source",
                    speaker_chain=[HOSTILE_OUTLET, "a source"],
                ),
            ),
            (
                "hos-jets",
                _claim(
                    hos,
                    "hos-jets",
                    "=HYPERLINK(",
                    kind="weapon",
                    canonical="Su-24",
                    count=2,
                    speaker='=HYPERLINK("http://evil.example")',
                    speaker_chain=[HOSTILE_OUTLET, '=HYPERLINK("http://evil.example")'],
                ),
            ),
        ],
        "bomb.txt": [
            (
                "bom-killed",
                _claim(
                    bom,
                    "bom-killed",
                    "A car bomb",
                    kind="casualty",
                    outcome="killed",
                    subject="people",
                    low=12,
                    high=12,
                    speaker="the governor",
                    speaker_chain=["Levant Wire", "the governor"],
                ),
            ),
            (
                "bom-place",
                _claim(
                    bom,
                    "bom-place",
                    "The blast",
                    kind="place",
                    value="Nahr al-Ward",
                    speaker="Levant Wire",
                    speaker_chain=["Levant Wire"],
                ),
            ),
        ],
    }
    claim_ids: dict[str, int] = {}
    with store.transaction():
        for file, named in plan.items():
            saved = store.save_claims(ids[file], [c for _, c in named])
            claim_ids.update({n: cid for (n, _), cid in zip(named, saved, strict=True)})
    c = claim_ids
    events = [
        Event(
            key="strike",
            label="Air strike on Tell Hamra market",
            date_from="2016-03-12",
            date_to="2016-03-13",
            places=["Tell Hamra"],
            article_ids=[ids["levant.txt"], ids["courier.txt"], ids["hostile.txt"]],
        ),
        Event(
            key="bomb",
            label="Car bomb in Nahr al-Ward",
            date_from="2016-07-04",
            date_to="2016-07-04",
            places=["Nahr al-Ward"],
            article_ids=[ids["bomb.txt"]],
        ),
    ]
    groups = [
        ClaimGroup(
            key="strike/weapon",
            event_key="strike",
            kind="weapon",
            label="aircraft",
            status="agree",
            claim_ids=[c["lev-jets"], c["hos-jets"]],
        ),
        ClaimGroup(
            key="strike/killed",
            event_key="strike",
            kind="casualty",
            label="people killed",
            status="conflict",
            claim_ids=[c["lev-killed"], c["cou-killed"], c["hos-killed"]],
        ),
        ClaimGroup(
            key="strike/militants",
            event_key="strike",
            kind="casualty",
            label="militants killed",
            status="single",
            claim_ids=[c["cou-militants"]],
        ),
        ClaimGroup(
            key="bomb/killed",
            event_key="bomb",
            kind="casualty",
            label="people killed",
            status="single",
            claim_ids=[c["bom-killed"]],
        ),
    ]
    suggestions = [
        Suggestion(
            claim_id=c["lev-jets"],
            verdict="corroborated",
            reason="two independent origins say Su-24",
            origins=["residents", "a source"],
        ),
        Suggestion(
            claim_id=c["hos-jets"],
            verdict="corroborated",
            reason="two independent origins say Su-24",
            origins=["residents", "a source"],
        ),
        Suggestion(
            claim_id=c["lev-killed"],
            verdict="unverified",
            reason="one origin (Syrian Monitor); later figures are higher",
            origins=monitor,
        ),
        Suggestion(
            claim_id=c["hos-killed"],
            verdict="disputed",
            reason="40-41 is outside what <other> sources | say",
            origins=["a source"],
        ),
    ]
    with store.transaction():
        store.save_alignment(events, groups, suggestions)
    alice, bob, carol = REVIEWERS
    for claim, verdict, reviewer, note in [
        ("lev-killed", "corroborated", alice, "matches the monitor's first count"),
        ("lev-killed", "corroborated", bob, None),
        ("lev-killed", "unverified", carol, "only one origin"),
        ("cou-killed", "corroborated", alice, None),
        ("cou-killed", "disputed", bob, "first said disputed"),
        ("cou-killed", "corroborated", bob, "toll rose; the monitor confirms"),  # bob changes
        ("hos-killed", "disputed", alice, "no named source\nsecond line | pipe"),
        ("hos-killed", "disputed", bob, HOSTILE_NOTE),
        ("hos-killed", "disputed", carol, None),
        ("lev-jets", "corroborated", alice, None),
        ("lev-jets", "unverified", bob, None),
        ("hos-jets", "unverified", alice, "<b>who?</b> & [bold]x[/bold]"),
        ("bom-killed", "corroborated", alice, "governor on state TV"),
        ("bom-killed", "disputed", carol, "cleared later"),
        ("bom-killed", None, carol, None),  # carol clears: no verdict of hers counts
        ("cou-militants", "unverified", carol, "ministry only"),
    ]:
        mark(store, c[claim], verdict, reviewer, note=note)
    return ReportDb(
        path=store.path,
        store=store,
        articles=ids,
        claims=claim_ids,
        events={e.key: e.id for e in store.events() if e.id is not None},
        groups={g.key: g.id for g in store.groups() if g.id is not None},
    )


@pytest.fixture
def report_db(store: Store, tmp_path: Path) -> Iterator[ReportDb]:
    yield build(store, tmp_path / "articles")
