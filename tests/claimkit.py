"""Hand-built claims for alignment tests, until (and besides) real extraction.

`claim(...)` builds a Claim with only the fields a test cares about; `sourced(...)` puts it in
context (origin, outlet, publication date) the way alignment sees it; `save_claims_by_hand` stores
claims for an ingested article, each quoting the sentence its `quote` names.
"""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

from workbench.align.origins import Origin, Sourced
from workbench.ingest import ingest_paths
from workbench.models import Claim
from workbench.store import Store

_ids = itertools.count(1)


def claim(kind: str, *, speaker_chain: list[str] | None = None, **fields: Any) -> Claim:
    n = next(_ids)
    fields.setdefault("quote", f"claim {n}")
    fields.setdefault("start", 0)
    fields.setdefault("end", len(fields["quote"]))
    fields.setdefault("fingerprint", f"fp-{n}")
    return Claim(id=n, kind=kind, speaker_chain=speaker_chain or [], **fields)  # type: ignore[arg-type]


def killed(low: int | None, high: int | None = -1, **fields: Any) -> Claim:
    """A killed count; `high` defaults to `low` (an exact figure), None is open."""
    fields.setdefault("subject", "people")
    fields.setdefault("subject_class", "unknown")
    return claim("casualty", outcome="killed", low=low, high=low if high == -1 else high, **fields)


def sourced(c: Claim, origin: str, outlet: str | None = None, when: str = "2016-09-17") -> Sourced:
    return Sourced(c, Origin(f"named:{origin.casefold()}", origin), outlet or origin, when)


def save_claims_by_hand(store: Store, article_id: int, specs: list[dict[str, Any]]) -> list[int]:
    """Store claims for an article; each spec names a `sentence` of the text it quotes."""
    text = store.conn.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()[0]
    claims: list[Claim] = []
    for i, spec in enumerate(specs):
        spec = dict(spec)
        sentence = spec.pop("sentence")
        start = text.index(sentence)
        claims.append(
            Claim(
                quote=sentence,
                start=start,
                end=start + len(sentence),
                fingerprint=spec.pop("fingerprint", f"a{article_id}-{i}-{sentence[:20]}"),
                **spec,
            )
        )
    with store.transaction():
        return store.save_claims(article_id, claims)


# A small story about one strike, told by four outlets; `next.txt` is a follow-up a day later.
ARTICLES = {
    "levant.txt": (
        "date 2016-09-17\nsource Levant Wire\n\nCoalition strike hits army post at Jebel Tharda"
        "\n\nThe Russian Defence Ministry said 62 Syrian soldiers were killed at Jebel Tharda."
        " F-16 jets carried out the strike.\n"
    ),
    "steppe.txt": (
        "date 2016-09-17\nsource Steppe Courier\n\nCoalition jets hit army post at Jebel Tharda"
        "\n\nSixty-two Syrian soldiers died at Jebel Tharda, Russia's Defence Ministry said."
        " F-16 jets carried out the strike.\n"
    ),
    "gulf.txt": (
        "date 2016-09-17\nsource Gulf Post\n\nCoalition strike on army post at Jebel Tharda"
        "\n\nThe Syrian Observatory for Human Rights said 62 soldiers were killed"
        " at Jebel Tharda. F-16 jets carried out the strike.\n"
    ),
    "next.txt": (
        "date 2016-09-18\nsource Gulf Post\n\nCoalition strike on army post at Jebel Tharda:"
        " toll rises\n\nThe Syrian Observatory for Human Rights said the toll rose to 80 soldiers"
        " killed at Jebel Tharda. F-16 jets carried out the strike.\n"
    ),
}
# the sentence carrying the claims starts with ..., and is said by ...; the toll; said rising
STORY = {
    "levant.txt": ("The Russian Defence Ministry said", "Russian Defence Ministry", 62, False),
    "steppe.txt": ("Sixty-two Syrian soldiers died", "Russian Defense Ministry", 62, False),
    "gulf.txt": ("The Syrian Observatory for Human Rights said 62", "SOHR", 62, False),
    "next.txt": ("The Syrian Observatory for Human Rights said the", "SOHR", 80, True),
}


def add_story_article(store: Store, tmp_path: Path, name: str) -> int:
    """Ingest one article of the story (levant, steppe, gulf or next .txt) and store its toll,
    place and weapon claims by hand; returns the toll claim's id."""
    path = tmp_path / name
    path.write_text(ARTICLES[name], encoding="utf-8")
    ingest_paths(store, [path])
    (article,) = list(store.articles_for_extraction())
    assert article.source is not None
    start, speaker, toll, rising = STORY[name]
    sentence = article.text[article.text.index(start) :].split(". ")[0] + "."
    ids = save_claims_by_hand(
        store,
        article.id,
        [
            {
                "sentence": sentence,
                "kind": "casualty",
                "outcome": "killed",
                "subject": "Syrian soldiers",
                "subject_class": "military",
                "low": toll,
                "high": toll,
                "rising": rising,
                "speaker_chain": [article.source, speaker],
            },
            {
                "sentence": sentence,
                "kind": "place",
                "canonical": "Jebel Tharda",
                "value": "Deir ez-Zor",
                "speaker_chain": [article.source],
            },
            {
                "sentence": "F-16 jets carried out the strike.",
                "kind": "weapon",
                "canonical": "F-16",
                "speaker_chain": [article.source],
            },
        ],
    )
    return ids[0]
