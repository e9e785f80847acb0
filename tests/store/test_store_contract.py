"""The store's claim, alignment and verdict queries on a real SQLite file."""

from __future__ import annotations

import sqlite3

import pytest

from workbench.ingest import ingest_paths
from workbench.models import Claim, ClaimGroup, Event, Suggestion
from workbench.review import ReviewError, mark
from workbench.store import Store


@pytest.fixture
def article_id(store: Store, tmp_path) -> int:  # type: ignore[no-untyped-def]
    f = tmp_path / "a.txt"
    f.write_text(
        "date 2016-09-17\nStrike\n\nSixty-two soldiers were killed, including 5 officers.\n"
    )
    ingest_paths(store, [f])
    return next(store.articles_for_extraction()).id


def claims_for(text: str) -> list[Claim]:
    start = text.index("Sixty")
    end = text.index(".", start) + 1
    quote = text[start:end]
    return [
        Claim(
            kind="casualty",
            quote=quote,
            start=start,
            end=end,
            fingerprint="fp-62",
            outcome="killed",
            subject="soldiers",
            subject_class="military",
            low=62,
            high=62,
            speaker_chain=["Desk"],
        ),
        Claim(
            kind="casualty",
            quote=quote,
            start=start,
            end=end,
            fingerprint="fp-5",
            outcome="killed",
            subject="officers",
            subject_class="military",
            low=5,
            high=5,
            parent_fingerprint="fp-62",
        ),
    ]


def test_save_claims_keeps_ids_by_fingerprint(store: Store, article_id: int) -> None:
    text = store.conn.execute("SELECT text FROM articles").fetchone()[0]
    with store.transaction():
        first = store.save_claims(article_id, claims_for(text))
    assert list(store.articles_for_extraction()) == []
    saved = list(store.iter_claims(article_id=article_id))
    assert [c.low for c in saved] == [62, 5]
    assert saved[1].parent == first[0] and saved[1].parent_fingerprint == "fp-62"
    assert text[saved[0].start : saved[0].end] == saved[0].quote
    with store.transaction():
        again = store.save_claims(article_id, claims_for(text)[:1])
    assert again == first[:1]
    assert [c.fingerprint for c in store.iter_claims()] == ["fp-62"]
    assert [c.id for c in store.iter_claims(search="soldiers")] == first[:1]


def test_verdicts_append_and_survive_reextraction(store: Store, article_id: int) -> None:
    text = store.conn.execute("SELECT text FROM articles").fetchone()[0]
    with store.transaction():
        cid = store.save_claims(article_id, claims_for(text))[0]
    mark(store, cid, "disputed", "ana", note="toll too high")
    mark(store, cid, "clear", "ana")
    mark(store, cid, "corroborated", "bo")
    history = store.verdict_history(fingerprint="fp-62")
    assert [(v.reviewer, v.verdict) for v in history] == [
        ("ana", "disputed"),
        ("ana", None),
        ("bo", "corroborated"),
    ]
    assert history[0].claim_value["low"] == 62 and history[0].note == "toll too high"
    current = store.current_verdicts(["fp-62"])
    assert current[("fp-62", "ana")].verdict is None
    assert current[("fp-62", "bo")].verdict == "corroborated"
    with store.transaction():
        store.save_claims(article_id, claims_for(text))
    assert len(store.verdict_history()) == 3
    with pytest.raises(sqlite3.DatabaseError):
        store.conn.execute("DELETE FROM verdicts")
    with pytest.raises(ReviewError):
        mark(store, cid, "maybe", "ana")
    with pytest.raises(ReviewError):
        mark(store, 999, "disputed", "ana")


def test_save_alignment_keeps_group_identity(store: Store, article_id: int) -> None:
    text = store.conn.execute("SELECT text FROM articles").fetchone()[0]
    with store.transaction():
        cids = store.save_claims(article_id, claims_for(text))
    event = Event(key="e1", label="Strike", date_from="2016-09-17", article_ids=[article_id])
    group = ClaimGroup(
        key="e1/killed",
        event_key="e1",
        kind="casualty",
        label="soldiers killed",
        status="single",
        claim_ids=cids[:1],
    )
    sugg = Suggestion(claim_id=cids[0], verdict="unverified", reason="one origin", origins=["Desk"])
    with store.transaction():
        store.save_alignment([event], [group], [sugg])
    (g,) = store.groups()
    with store.transaction():
        store.save_alignment([event], [group.model_copy(update={"status": "conflict"})], [])
    (g2,) = store.groups(status="conflict")
    assert g2.id == g.id and g2.claim_ids == cids[:1]
    assert [s for s, _ in store.group_status_history(g.id)] == ["single", "conflict"]
    assert store.events()[0].article_ids == [article_id]
    assert store.suggestions() == {}
    with store.transaction():
        store.save_alignment([], [], [])
    assert store.events() == [] and store.groups() == []
