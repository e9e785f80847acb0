"""Re-aligning after new articles arrive: ids, verdicts and status history survive."""

from __future__ import annotations

from pathlib import Path

from claimkit import add_story_article as add
from claimkit import save_claims_by_hand

from workbench.align import align
from workbench.align.claimview import COLUMNS, ClaimView
from workbench.align.profiles import LEAD_CHARS, ArticleHead
from workbench.align.run import claims_by_article, compute_alignment
from workbench.review import mark
from workbench.store import Store


def test_realigning_keeps_ids_and_verdicts_and_records_status_changes(
    store: Store, tmp_path: Path
) -> None:
    first = add(store, tmp_path, "levant.txt")
    add(store, tmp_path, "steppe.txt")
    report = align(store)
    assert (report.events, report.groups, report.status_changes) == (1, 3, 0)
    (event,) = store.events()
    toll = next(g for g in store.groups() if g.kind == "casualty")
    assert toll.status == "single" and toll.label == "Syrian soldiers killed"
    assert store.suggestions([first])[first].verdict == "unverified"
    fingerprint = store.get_claim(first).fingerprint  # type: ignore[union-attr]
    mark(store, first, "disputed", "ana", note="ministry figure only")

    third = add(store, tmp_path, "gulf.txt")
    report = align(store)
    assert report.status_changes == 1
    (again,) = store.events()
    assert again.id == event.id and again.key == event.key and len(again.article_ids) == 3
    toll_again = next(g for g in store.groups() if g.kind == "casualty")
    assert toll_again.id == toll.id and toll_again.status == "agree"
    assert third in toll_again.claim_ids and first in toll_again.claim_ids
    assert [s for s, _ in store.group_status_history(toll.id or 0)] == ["single", "agree"]
    assert toll_again.status_changed_at is not None
    # the suggestion changed; the reviewer's verdict did not move
    assert store.suggestions([first])[first].verdict == "corroborated"
    verdict = store.current_verdict(fingerprint, "ana")
    assert verdict is not None and verdict.verdict == "disputed" and verdict.claim_id == first

    # nothing new: nothing changes
    before = store.groups()
    report = align(store)
    assert report.status_changes == 0
    assert store.groups() == before
    assert len(store.group_status_history(toll.id or 0)) == 2


def test_claim_views_hold_what_the_stored_claims_hold(store: Store, tmp_path: Path) -> None:
    add(store, tmp_path, "levant.txt")
    article = add(store, tmp_path, "gulf.txt")
    toll = store.get_claim(article)
    assert toll is not None and toll.article_id is not None
    sentence = toll.quote
    save_claims_by_hand(
        store,
        toll.article_id,
        [
            {"sentence": sentence, "kind": "casualty", "outcome": "killed", "low": 62,
             "high": None, "approximate": True, "fingerprint": "whole",
             "speaker_chain": ["Gulf Post", "SOHR"]},
            {"sentence": sentence, "kind": "casualty", "outcome": "killed", "low": 5, "high": 5,
             "subject": "officers", "parent_fingerprint": "whole", "negated": False},
            {"sentence": sentence, "kind": "intent", "canonical": "accidental",
             "hypothetical": True, "negated": True},
        ],
    )  # fmt: skip
    views = [ClaimView.from_row(row) for row in store.claim_rows(COLUMNS)]
    claims = list(store.iter_claims(by_id=True))
    assert len(views) == len(claims) == 6  # the gulf article's claims replaced by these three
    assert [[getattr(v, n) for n in COLUMNS] for v in views] == [
        [getattr(c, n) for n in COLUMNS] for c in claims
    ]
    (sub,) = [v for v in views if v.parent_fingerprint == "whole"]
    (whole,) = [v for v in views if v.id == sub.parent]
    assert (whole.low, whole.high, whole.approximate, sub.low) == (62, None, True, 5)


def test_worker_processes_give_the_same_alignment(store: Store, tmp_path: Path) -> None:
    for name in ("levant.txt", "steppe.txt", "gulf.txt", "next.txt"):
        add(store, tmp_path, name)
    heads = [ArticleHead(**row) for row in store.article_heads(LEAD_CHARS)]
    claims = claims_by_article(store)
    here = compute_alignment(heads, claims, {}, workers=1)
    forked = compute_alignment(heads, claims, {}, workers=2, pool_min=1)
    assert here.groups and here.suggestion_rows
    assert (forked.events, forked.groups, forked.suggestion_rows) == (
        here.events,
        here.groups,
        here.suggestion_rows,
    )


def test_align_with_worker_processes_stores_the_same_alignment(
    store: Store, tmp_path: Path
) -> None:
    """`align` writes share by share as workers send them: the stored rows are those of one
    process, on a first alignment and on a re-alignment that changes a group's status."""
    for name in ("levant.txt", "steppe.txt"):
        add(store, tmp_path, name)
    here_path, forked_path = tmp_path / "here.db", tmp_path / "forked.db"
    store.conn.execute(f"VACUUM INTO '{here_path}'")
    store.conn.execute(f"VACUUM INTO '{forked_path}'")
    here, forked = Store.open(here_path), Store.open(forked_path)
    queries = (
        "SELECT key, label, date_from, date_to, places FROM events ORDER BY key",
        "SELECT key, kind, label, status FROM claim_groups ORDER BY key",
        "SELECT g.key, c.claim_id FROM group_claims c JOIN claim_groups g ON g.id = c.group_id"
        " ORDER BY 1, 2",
        "SELECT g.key, h.status FROM group_status_history h"
        " JOIN claim_groups g ON g.id = h.group_id ORDER BY 1, h.id",
        "SELECT claim_id, verdict, reason, origins FROM suggestions ORDER BY claim_id",
    )

    def rows(s: Store) -> list[list[tuple[object, ...]]]:
        return [list(s.conn.execute(q)) for q in queries]

    for round_ in range(2):
        a = align(here, workers=1)
        b = align(forked, workers=2, pool_min=1)
        assert (a.groups, a.suggestions, a.status_changes) == (
            b.groups,
            b.suggestions,
            b.status_changes,
        )
        assert rows(here) and rows(here) == rows(forked)
        if round_ == 0:
            for s in (here, forked):
                add(s, tmp_path, "gulf.txt")
    assert a.status_changes == 1  # the re-alignment changed the toll group's status
    here.close()
    forked.close()
