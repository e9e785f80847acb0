"""Issue 4's acceptance scenarios, on articles written for these tests, ingested and extracted
for real, then aligned: source independence step by step, a rising toll, the seed article."""

from __future__ import annotations

from pathlib import Path

from conftest import SEED, need_seed

from workbench.align import align
from workbench.extract import extract_articles
from workbench.ingest import ingest_paths
from workbench.models import Claim
from workbench.store import Store

MARKET = {
    "levant.txt": (
        "date 2016-03-12\nsource Levant Wire\n\nAir strike on Maarat al-Numan market\n\n"
        "Forty civilians were killed when warplanes struck the vegetable market in Maarat"
        " al-Numan in Idlib province on Saturday, the Syrian Defence Ministry said.\n"
    ),
    "cedar.txt": (
        "date 2016-03-12\nsource Cedar Herald\n\nWarplanes hit crowded market in Idlib\n\n"
        "The Syrian Defence Ministry said 40 civilians died in the air strike on the market in"
        " Maarat al-Numan, Idlib province.\n"
    ),
    "gulf.txt": (
        "date 2016-03-12\nsource Gulf Daily Courier\n\nMarket strike in Maarat al-Numan\n\n"
        "The Syrian Observatory for Human Rights said 40 civilians were killed in the strike on"
        " the Maarat al-Numan market in Idlib province.\n"
    ),
    "star.txt": (
        "date 2016-03-12\nsource Northern Star Radio\n\nMarket bombed in Maarat al-Numan\n\n"
        "The Syrian Network for Human Rights said 95 civilians were killed in the bombing of the"
        " market in Maarat al-Numan in Idlib province.\n"
    ),
}
TOLL = {
    "first.txt": (
        "date 2016-07-04\nsource Crescent Broadcast\n\nCar bomb in Qamishli\n\n"
        "A car bomb killed 22 people near a police station in Qamishli in Hasakeh province on"
        " Monday, the Syrian Observatory for Human Rights said.\n"
    ),
    "second.txt": (
        "date 2016-07-05\nsource Cedar Herald\n\nQamishli car bomb toll rises\n\n"
        "The death toll from the car bomb near a police station in Qamishli in Hasakeh province"
        " rose to 48, Kurdish officials said on Tuesday.\n"
    ),
}
COALITION = (
    "date 2016-09-17\nsource Gulf Daily Courier\n\nCoalition says Deir ez-Zor strike hit Syrian"
    " troops by mistake\n\nThe US-led coalition said its aircraft unintentionally struck Syrian"
    " army positions at Jebel Tharda near Deir ez-Zor airport on Saturday, believing they were"
    " Islamic State fighters. The coalition said the strike was unintentional and that it had"
    " stopped the attack when Russia told it that Syrian troops were there.\n"
)


def ingest(store: Store, tmp_path: Path, name: str, text: str) -> int:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    ingest_paths(store, [path])
    extract_articles(store)
    align(store)
    return int(store.conn.execute("SELECT MAX(id) FROM articles").fetchone()[0])


def killed(store: Store, article_id: int, low: int) -> Claim:
    found = [
        c
        for c in store.iter_claims(article_id=article_id, kind="casualty")
        if c.outcome == "killed" and c.low == low and c.parent is None
    ]
    assert found, f"no killed {low} claim in article {article_id}"
    return found[0]


def verdict(store: Store, claim: Claim) -> str:
    assert claim.id is not None
    return store.suggestions([claim.id])[claim.id].verdict


def group_of(store: Store, claim: Claim):  # type: ignore[no-untyped-def]
    return next(g for g in store.groups() if claim.id in g.claim_ids)


def test_one_ministry_twice_then_a_monitor_then_another_figure(
    store: Store, tmp_path: Path
) -> None:
    first = ingest(store, tmp_path, "levant.txt", MARKET["levant.txt"])
    ingest(store, tmp_path, "cedar.txt", MARKET["cedar.txt"])
    forty = killed(store, first, 40)
    assert verdict(store, forty) == "unverified"
    assert group_of(store, forty).status == "single"
    assert store.suggestions([forty.id or 0])[forty.id or 0].origins == ["Syrian Defence Ministry"]

    ingest(store, tmp_path, "gulf.txt", MARKET["gulf.txt"])
    assert verdict(store, forty) == "corroborated"
    assert group_of(store, forty).status == "agree"

    fourth = ingest(store, tmp_path, "star.txt", MARKET["star.txt"])
    assert verdict(store, forty) == "disputed"
    assert verdict(store, killed(store, fourth, 95)) == "disputed"
    group = group_of(store, forty)
    assert group.status == "conflict" and group.label == "civilians killed"
    assert len(store.events()) == 1
    reason = store.suggestions([forty.id or 0])[forty.id or 0].reason
    assert "Syrian Network for Human Rights (95 killed)" in reason


def test_a_rising_toll_is_an_update(store: Store, tmp_path: Path) -> None:
    first = ingest(store, tmp_path, "first.txt", TOLL["first.txt"])
    second = ingest(store, tmp_path, "second.txt", TOLL["second.txt"])
    early, late = killed(store, first, 22), killed(store, second, 48)
    assert late.rising
    group = group_of(store, early)
    assert late.id in group.claim_ids and group.status == "update"
    assert verdict(store, early) != "disputed" and verdict(store, late) != "disputed"


def test_the_seed_article_then_the_coalition_calls_it_unintentional(
    store: Store, tmp_path: Path
) -> None:
    need_seed()
    seed = ingest(store, tmp_path, "seed.txt", SEED.read_text(encoding="utf-8"))
    toll = killed(store, seed, 62)
    assert toll.speaker_chain[-2:] == ["Russian Defence Ministry", "Syrian General Command"]
    assert verdict(store, toll) == "unverified"
    suggestion = store.suggestions([toll.id or 0])[toll.id or 0]
    assert suggestion.origins == ["Syrian General Command"]
    assert "62 killed from Syrian General Command" in suggestion.reason

    intents = list(store.iter_claims(article_id=seed, kind="intent"))
    hypothetical = [c for c in intents if c.hypothetical]
    deliberate = [c for c in intents if c.canonical == "deliberate"]
    assert hypothetical and deliberate
    group = group_of(store, hypothetical[0])
    assert all(c.id in group.claim_ids for c in intents)
    assert group.status == "single"
    assert (
        "hypothetical"
        in store.suggestions([hypothetical[0].id or 0])[hypothetical[0].id or 0].reason
    )

    ingest(store, tmp_path, "coalition.txt", COALITION)
    assert len(store.events()) == 1
    group = group_of(store, hypothetical[0])
    assert group.status == "conflict"
    assert [s for s, _ in store.group_status_history(group.id or 0)] == ["single", "conflict"]
    assert all(verdict(store, c) == "disputed" for c in deliberate)
    assert verdict(store, hypothetical[0]) == "unverified"
