"""Re-aligning after new articles arrive: ids, verdicts and status history survive."""

from __future__ import annotations

from pathlib import Path

from claimkit import add_story_article as add

from workbench.align import align
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


def test_claims_for_alignment_are_the_stored_claims(store: Store, tmp_path: Path) -> None:
    add(store, tmp_path, "levant.txt")
    add(store, tmp_path, "gulf.txt")
    assert list(store.claims_for_alignment()) == list(store.iter_claims(by_id=True))
