"""A small review database built through the real store: articles ingested from files written
here, claims whose quotes really slice the stored text, and an alignment of events and groups.

Three invented incidents: an air strike whose toll rises and whose aircraft and intent are
disputed, a car bombing whose sources agree, and one article full of hostile text (markup-like
brackets and ANSI escapes in the outlet name, the title and the text). Used by the TUI tests and
for looking at the UI by hand: `python -m tests.tui.corpus review.db`.
"""

from __future__ import annotations

import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workbench.ingest import ingest_paths
from workbench.models import Claim, ClaimGroup, Event, Suggestion
from workbench.store import Store

HOSTILE_OUTLET = "[bold red]x[/] Wire [link=http://x] \x1b[31mRed\x1b[0m"
HOSTILE_SENTENCE = (
    "Officials said [bold red]x[/] 7 people were killed [link=http://x]near[/] the bridge,"
    " [@click=app.quit]x[/] \x1b[31mcolour\x1b[0m and [/] stray brackets."
)

ARTICLES: dict[str, dict[str, str]] = {
    "meridian": {
        "date": "2016-03-12",
        "source": "Meridian News Agency",
        "title": "Air strike on village market kills at least 18",
        "text": (
            "Warplanes struck the market in Tell Hamra on Saturday, killing at least 18"
            " civilians, the Syrian Monitor for Civilian Rights said.\n\n"
            "The monitor said the jets were Russian Su-24s. Its director, Karim Haddad, said the"
            " strike appeared to be deliberate.\n"
        ),
    },
    "levant": {
        "date": "2016-03-12",
        "source": "Levant Wire",
        "title": "Twenty-three killed in Tell Hamra air raid, residents say",
        "text": (
            "Twenty-three civilians were killed when two Su-34 bombers struck Tell Hamra,"
            " residents told Levant Wire.\n\n"
            '"This was a premeditated attack," said Omar al-Sheikh, a member of the village'
            " council.\n"
        ),
    },
    "gulf": {
        "date": "2016-03-13",
        "source": "Gulf Daily Courier",
        "title": "Tell Hamra toll rises to 27",
        "text": (
            "The death toll from the strike on Tell Hamra rose to 27, the monitor said on"
            " Sunday.\n\n"
            "The Russian Defence Ministry denied that its aircraft were operating in the area.\n"
        ),
    },
    "northern": {
        "date": "2016-03-13",
        "source": "Northern Star Radio",
        "title": "Officer says jet misidentified its target",
        "text": (
            "The toll climbed to 34, medical workers in Qasr al-Wadi said.\n\n"
            "A Syrian army officer said a government MiG-23 had misidentified its target."
            ' "It was a mistake," he said.\n'
        ),
    },
    "continental": {
        "date": "2016-03-14",
        "source": "Continental Post",
        "title": "Monitor counts at least 42 dead",
        "text": (
            "At least 42 people were killed, among them 11 children, according to the monitor.\n"
        ),
    },
    "crescent": {
        "date": "2016-07-04",
        "source": "Crescent Broadcast",
        "title": "Car bomb at Nahr al-Ward bus station",
        "text": (
            "A car bomb killed at least 15 people at the bus station in Nahr al-Ward, medical"
            " sources said.\n\n"
            "Islamic State claimed responsibility in an online statement.\n"
        ),
    },
    "cedar": {
        "date": "2016-07-05",
        "source": "The Cedar Herald",
        "title": "Governor confirms bombing toll",
        "text": "Governor Samir Khoury said fifteen people were killed in the bombing.\n",
    },
    "hostile": {
        "date": "2016-08-01",
        "source": HOSTILE_OUTLET,
        "title": "[b]Bridge[/b] blast [/]",
        "text": HOSTILE_SENTENCE + "\n\nNothing else is known.\n",
    },
}


@dataclass(frozen=True)
class ClaimSpec:
    name: str
    article: str
    quote: str
    kind: str
    value_words: str
    fields: dict[str, Any] = field(default_factory=dict)
    chain: tuple[str, ...] = ()
    hedges: tuple[str, ...] = ()


CLAIMS: list[ClaimSpec] = [
    ClaimSpec(
        "meridian-killed",
        "meridian",
        "killing at least 18 civilians, the Syrian Monitor for Civilian Rights said",
        "casualty",
        "at least 18",
        {"outcome": "killed", "subject": "civilians", "low": 18, "approximate": False},
        ("Meridian News Agency", "Syrian Monitor for Civilian Rights"),
        ("at least",),
    ),
    ClaimSpec(
        "levant-killed",
        "levant",
        "Twenty-three civilians were killed when two Su-34 bombers struck Tell Hamra",
        "casualty",
        "Twenty-three",
        {"outcome": "killed", "subject": "civilians", "low": 23, "high": 23},
        ("Levant Wire", "residents"),
    ),
    ClaimSpec(
        "gulf-killed",
        "gulf",
        "The death toll from the strike on Tell Hamra rose to 27, the monitor said",
        "casualty",
        "rose to 27",
        {"outcome": "killed", "low": 27, "high": 27, "rising": True},
        ("Gulf Daily Courier", "Syrian Monitor for Civilian Rights"),
    ),
    ClaimSpec(
        "northern-killed",
        "northern",
        "The toll climbed to 34, medical workers in Qasr al-Wadi said",
        "casualty",
        "34",
        {"outcome": "killed", "low": 34, "high": 34, "rising": True},
        ("Northern Star Radio", "medical workers"),
    ),
    ClaimSpec(
        "continental-killed",
        "continental",
        "At least 42 people were killed, among them 11 children, according to the monitor",
        "casualty",
        "At least 42",
        {"outcome": "killed", "subject": "people", "low": 42},
        ("Continental Post", "Syrian Monitor for Civilian Rights"),
        ("At least",),
    ),
    ClaimSpec(
        "continental-children",
        "continental",
        "among them 11 children",
        "casualty",
        "11",
        {"outcome": "killed", "subject": "children", "low": 11, "high": 11},
        ("Continental Post", "Syrian Monitor for Civilian Rights"),
    ),
    ClaimSpec(
        "meridian-jets",
        "meridian",
        "The monitor said the jets were Russian Su-24s",
        "weapon",
        "Su-24s",
        {"canonical": "Su-24"},
        ("Meridian News Agency", "Syrian Monitor for Civilian Rights"),
    ),
    ClaimSpec(
        "levant-jets",
        "levant",
        "two Su-34 bombers struck Tell Hamra",
        "weapon",
        "two Su-34 bombers",
        {"canonical": "Su-34", "count": 2},
        ("Levant Wire", "residents"),
    ),
    ClaimSpec(
        "northern-jets",
        "northern",
        "A Syrian army officer said a government MiG-23 had misidentified its target",
        "weapon",
        "MiG-23",
        {"canonical": "MiG-23"},
        ("Northern Star Radio", "a Syrian army officer"),
    ),
    ClaimSpec(
        "meridian-intent",
        "meridian",
        "Its director, Karim Haddad, said the strike appeared to be deliberate",
        "intent",
        "deliberate",
        {"canonical": "deliberate"},
        ("Meridian News Agency", "Syrian Monitor for Civilian Rights", "Karim Haddad"),
        ("appeared to",),
    ),
    ClaimSpec(
        "levant-intent",
        "levant",
        '"This was a premeditated attack," said Omar al-Sheikh',
        "intent",
        "premeditated",
        {"canonical": "deliberate"},
        ("Levant Wire", "Omar al-Sheikh"),
    ),
    ClaimSpec(
        "northern-intent",
        "northern",
        '"It was a mistake," he said',
        "intent",
        "mistake",
        {"canonical": "mistake"},
        ("Northern Star Radio", "a Syrian army officer"),
    ),
    ClaimSpec(
        "crescent-killed",
        "crescent",
        "A car bomb killed at least 15 people at the bus station in Nahr al-Ward",
        "casualty",
        "at least 15",
        {"outcome": "killed", "subject": "people", "low": 15},
        ("Crescent Broadcast", "medical sources"),
        ("at least",),
    ),
    ClaimSpec(
        "cedar-killed",
        "cedar",
        "Governor Samir Khoury said fifteen people were killed in the bombing",
        "casualty",
        "fifteen",
        {"outcome": "killed", "subject": "people", "low": 15, "high": 15},
        ("The Cedar Herald", "Samir Khoury"),
    ),
    ClaimSpec(
        "crescent-actor",
        "crescent",
        "Islamic State claimed responsibility in an online statement",
        "actor",
        "Islamic State",
        {"canonical": "Islamic State", "role": "perpetrator"},
        ("Crescent Broadcast", "Islamic State"),
    ),
    ClaimSpec(
        "hostile-killed",
        "hostile",
        "[bold red]x[/] 7 people were killed [link=http://x]near[/] the bridge",
        "casualty",
        "7",
        {"outcome": "killed", "subject": "people", "low": 7, "high": 7},
        (HOSTILE_OUTLET, "[@click=app.quit]Officials[/]"),
        ("[/]",),
    ),
]

EVENTS = [
    Event(
        key="tell-hamra",
        label="Air strike on Tell Hamra market",
        date_from="2016-03-12",
        date_to="2016-03-14",
        places=["Tell Hamra"],
    ),  # fmt: skip
    Event(
        key="nahr-al-ward",
        label="Car bomb at Nahr al-Ward bus station",
        date_from="2016-07-04",
        date_to="2016-07-05",
        places=["Nahr al-Ward"],
    ),  # fmt: skip
    Event(
        key="hostile",
        label="[red]Bridge[/] blast \x1b[1m[/]",
        date_from="2016-08-01",
        date_to="2016-08-01",
    ),  # fmt: skip
]
# group key -> (event key, kind, label, status, claim names)
GROUPS: dict[str, tuple[str, str, str, str, tuple[str, ...]]] = {
    "th-killed": (
        "tell-hamra",
        "casualty",
        "civilians killed",
        "update",
        (
            "meridian-killed",
            "levant-killed",
            "gulf-killed",
            "northern-killed",
            "continental-killed",
        ),
    ),  # fmt: skip
    "th-aircraft": (
        "tell-hamra",
        "weapon",
        "aircraft",
        "conflict",
        ("meridian-jets", "levant-jets", "northern-jets"),
    ),  # fmt: skip
    "th-intent": (
        "tell-hamra",
        "intent",
        "intent",
        "conflict",
        ("meridian-intent", "levant-intent", "northern-intent"),
    ),  # fmt: skip
    "th-children": (
        "tell-hamra",
        "casualty",
        "children killed",
        "single",
        ("continental-children",),
    ),  # fmt: skip
    "nw-killed": (
        "nahr-al-ward",
        "casualty",
        "people killed",
        "agree",
        ("crescent-killed", "cedar-killed"),
    ),  # fmt: skip
    "nw-actor": ("nahr-al-ward", "actor", "perpetrator", "single", ("crescent-actor",)),
    "hostile-killed": ("hostile", "casualty", "[/] killed [b]", "single", ("hostile-killed",)),
}
SUGGESTIONS: dict[str, tuple[str, str]] = {
    "meridian-killed": ("corroborated", "Levant Wire (residents) and the monitor agree on 18+"),
    "levant-killed": ("corroborated", "within the monitor's later figures"),
    "meridian-jets": ("disputed", "Levant Wire (residents) say Su-34, an officer says MiG-23"),
    "northern-intent": ("unverified", "one origin: an unnamed officer"),
    "crescent-killed": ("corroborated", "The Cedar Herald (governor) says fifteen"),
    "hostile-killed": ("unverified", "one origin: [@click=app.quit]Officials[/]"),
}


@dataclass
class Built:
    """What the builder made: the database and the ids of its claims, groups and events."""

    path: Path
    claims: dict[str, int]
    groups: dict[str, int]
    events: dict[str, int]
    articles: dict[str, int]


def write_articles(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, a in ARTICLES.items():
        path = folder / f"{name}.txt"
        path.write_text(
            f"date {a['date']}\nsource {a['source']}\n{a['title']}\n\n{a['text']}",
            encoding="utf-8",
        )
        paths.append(path)
    return paths


def build_review_db(db_path: Path, files_dir: Path) -> Built:
    """Ingest the articles, save their claims and the alignment; returns the ids."""
    with Store.open(db_path) as store:
        report = ingest_paths(store, write_articles(files_dir))
        assert report.total("new") == len(ARTICLES), [
            str(n) for f in report.files for n in f.notices
        ]
        articles: dict[str, int] = {}
        texts: dict[str, str] = {}
        for row in store.find_articles():
            name = next(n for n, a in ARTICLES.items() if a["title"] == row["title"])
            articles[name] = int(row["id"])
            article = store.get_article(int(row["id"]))
            assert article is not None
            texts[name] = article.text
        claims: dict[str, int] = {}
        with store.transaction():
            for name, aid in articles.items():
                specs = [s for s in CLAIMS if s.article == name]
                built = [make_claim(s, texts[name]) for s in specs]
                for spec, cid in zip(specs, store.save_claims(aid, built), strict=True):
                    claims[spec.name] = cid
            by_key = {e.key: e for e in EVENTS}
            events = [
                by_key[k].model_copy(
                    update={
                        "article_ids": sorted(
                            {
                                articles[s.article]
                                for g in GROUPS.values()
                                if g[0] == k
                                for s in CLAIMS
                                if s.name in g[4]
                            }
                        )
                    }  # fmt: skip
                )
                for k in by_key
            ]
            groups = [
                ClaimGroup(
                    key=key,
                    event_key=ek,
                    kind=kind,
                    label=label,
                    status=status,  # type: ignore[arg-type]
                    claim_ids=[claims[n] for n in names],
                )  # fmt: skip
                for key, (ek, kind, label, status, names) in GROUPS.items()
            ]
            suggestions = [
                Suggestion(claim_id=claims[n], verdict=v, reason=r)  # type: ignore[arg-type]
                for n, (v, r) in SUGGESTIONS.items()
            ]
            store.save_alignment(events, groups, suggestions)
        group_ids = {g.key: g.id for g in store.groups() if g.id is not None}
        event_ids = {e.key: e.id for e in store.events() if e.id is not None}
    return Built(db_path, claims, group_ids, event_ids, articles)


def make_claim(spec: ClaimSpec, text: str) -> Claim:
    start = text.index(spec.quote)
    end = start + len(spec.quote)
    span = text.index(spec.value_words, start)
    return Claim(
        kind=spec.kind,  # type: ignore[arg-type]
        quote=spec.quote,
        start=start,
        end=end,
        span_start=span,
        span_end=span + len(spec.value_words),
        speaker=spec.chain[-1] if spec.chain else None,
        speaker_chain=list(spec.chain),
        hedges=list(spec.hedges),
        fingerprint=f"fp-{spec.name}",
        **spec.fields,
    )


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "review.db")
    with tempfile.TemporaryDirectory() as tmp:
        built = build_review_db(target, Path(tmp))
    print(f"{target}: {len(built.claims)} claims in {len(built.groups)} groups")
